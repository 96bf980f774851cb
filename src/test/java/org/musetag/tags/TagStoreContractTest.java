package org.musetag.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.audio.AudioFixtures.Encoding;
import org.musetag.audio.FfmpegAudioDecoder;

/**
 * What every writable format must do (Picard's CommonTests, shared/guide/house-style.md): each subclass supplies a
 * real fixture of its format, with a user's tags already on it, and the tests write Musetag's fields to it.
 */
abstract class TagStoreContractTest {
  static final Map<TagField, List<String>> ANALYSIS =
      Map.of(
          TagField.GENRE, List.of("electronic", "rock"),
          TagField.MOOD, List.of("happy", "energetic"),
          TagField.VALENCE, List.of("0.250"),
          TagField.AROUSAL, List.of("-0.125"),
          TagField.MOOD_MODEL, List.of("musetag-base@1.0.0"));

  /** A head's user field, as a "styles" head trained with {@code --tag-field STYLES} writes it. */
  static final TagField STYLES = TagField.user("STYLES");

  static final List<String> STYLE_LABELS = List.of("Dub", "Ελληνικά λαϊκά", "日本語 🎸");

  @TempDir Path dir;
  TagStore store;
  Path file;

  /** The format under test. */
  abstract Encoding encoding();

  /** The options the store is built with. */
  TagOptions options() {
    return TagOptions.defaults();
  }

  /** Turns the fresh fixture into this test's starting point (e.g. an ID3v2.3 tag). */
  void prepare(Path fixture) throws Exception {}

  /** Checks, below Musetag's reader, that the values sit where shared/guide/tags.md says for this format. */
  abstract void assertStoredAsTheGuideSays(Path tagged) throws Exception;

  @BeforeEach
  void createFixture() throws Exception {
    store = new JaudiotaggerTagStore(options());
    file = TagTestFiles.withUserTags(dir, "track", encoding());
    prepare(file);
  }

  @Test
  void multiValuedFieldsReadBackAsWritten() throws Exception {
    assertThat(store.write(file, ANALYSIS)).isTrue();

    assertThat(store.read(file)).isEqualTo(new TagValues(ANALYSIS));
    assertStoredAsTheGuideSays(file);
  }

  @Test
  void theUsersOtherTagsAreKept() throws Exception {
    List<String> before = TagTestFiles.userTags(file);

    store.write(file, ANALYSIS);
    store.write(file, Map.of(TagField.GENRE, List.of("jazz")));

    assertThat(TagTestFiles.userTags(file))
        .isEqualTo(before)
        .anyMatch(s -> s.startsWith("cover=89504e47"));
  }

  @Test
  void unicodeValuesAreKept() throws Exception {
    Map<TagField, List<String>> values =
        Map.of(
            TagField.GENRE, List.of("Ελληνικά", "日本語", "🎸 emoji rock"),
            TagField.MOOD, List.of("fröhlich 😀"),
            TagField.MOOD_MODEL, List.of("модель@2.0"));

    store.write(file, values);

    assertThat(store.read(file)).isEqualTo(new TagValues(values));
  }

  @Test
  void theAudioIsUnchanged() throws Exception {
    FfmpegAudioDecoder decoder = new FfmpegAudioDecoder();
    float[] before = decoder.decode(file, 8000).samples();
    String payload = AudioPayload.digest(file, TagFormat.of(file).orElseThrow());

    store.write(file, ANALYSIS);
    store.write(file, Map.of(TagField.MOOD, List.of("calm", "relaxed", "x".repeat(3000))));

    assertThat(decoder.decode(file, 8000).samples()).isEqualTo(before);
    assertThat(AudioPayload.digest(file, TagFormat.of(file).orElseThrow())).isEqualTo(payload);
  }

  @Test
  void writingTheSameValuesAgainLeavesBytesAndModificationTime() throws Exception {
    store.write(file, ANALYSIS);
    FileTime old = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    Files.setLastModifiedTime(file, old);
    byte[] bytes = Files.readAllBytes(file);

    assertThat(store.write(file, ANALYSIS)).isFalse();
    assertThat(store.write(file, Map.of(TagField.GENRE, List.of("electronic", "rock")))).isFalse();

    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
  }

  @Test
  void anEmptyListRemovesTheFieldAndOnlyThatField() throws Exception {
    store.write(file, ANALYSIS);

    assertThat(store.write(file, Map.of(TagField.MOOD, List.of(), TagField.AROUSAL, List.of())))
        .isTrue();

    Map<TagField, List<String>> expected = new TreeMap<>(ANALYSIS);
    expected.remove(TagField.MOOD);
    expected.remove(TagField.AROUSAL);
    assertThat(store.read(file)).isEqualTo(new TagValues(expected));
  }

  @Test
  void newValuesReplaceOldOnesRatherThanPilingUp() throws Exception {
    store.write(file, ANALYSIS);

    store.write(file, Map.of(TagField.GENRE, List.of("jazz"), TagField.VALENCE, List.of("-1.000")));

    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("jazz");
    assertThat(store.read(file).get(TagField.VALENCE)).containsExactly("-1.000");
  }

  @Test
  void anOddUnicodeFileNameWorks() throws Exception {
    Path odd = dir.resolve("Ελληνικά 日本語 🎵 ü'\"$ (1)." + encoding().extension);
    Files.move(file, odd);

    store.write(odd, ANALYSIS);

    assertThat(store.read(odd)).isEqualTo(new TagValues(ANALYSIS));
  }

  @Test
  void theFolderHoldsOnlyTheFileAfterwardsAndItsPermissionsAreKept() throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    store.write(file, ANALYSIS);
    store.write(file, Map.of(TagField.MOOD, List.of("x".repeat(20_000))));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aUserFieldRoundTripsWithSeveralUnicodeValuesWhereTheGuidePutsMood() throws Exception {
    Map<TagField, List<String>> values = new TreeMap<>(ANALYSIS);
    values.put(STYLES, STYLE_LABELS);

    assertThat(store.write(file, values)).isTrue();

    assertThat(store.read(file, Set.of(STYLES))).isEqualTo(new TagValues(values));
    assertThat(store.read(file)).isEqualTo(new TagValues(ANALYSIS));
    assertThat(String.join("; ", TagTestFiles.userDefined(file, "STYLES")))
        .isEqualTo(String.join("; ", STYLE_LABELS));
  }

  @Test
  void aUserFieldKeepsTheUsersOtherTagsTheirOwnUserFieldsAndTheAudio() throws Exception {
    TagTestFiles.addUserDefined(file, "WORKOUT_OLD", "legs day");
    List<String> before = TagTestFiles.userTags(file);
    String payload = AudioPayload.digest(file, TagFormat.of(file).orElseThrow());

    store.write(file, Map.of(STYLES, STYLE_LABELS, TagField.GENRE, List.of("Reggae")));
    store.write(file, Map.of(TagField.GENRE, List.of("Jazz"), TagField.MOOD, List.of("calm")));

    assertThat(TagTestFiles.userTags(file)).isEqualTo(before);
    assertThat(TagTestFiles.userDefined(file, "WORKOUT_OLD")).containsExactly("legs day");
    assertThat(TagTestFiles.userDefined(file, TagTestFiles.REPLAYGAIN)).containsExactly("-6.50 dB");
    assertThat(store.read(file, Set.of(STYLES)).get(STYLES)).isEqualTo(STYLE_LABELS);
    assertThat(AudioPayload.digest(file, TagFormat.of(file).orElseThrow())).isEqualTo(payload);
  }

  @Test
  void writingTheSameUserFieldAgainLeavesBytesAndModificationTime() throws Exception {
    store.write(file, Map.of(STYLES, STYLE_LABELS));
    FileTime old = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    Files.setLastModifiedTime(file, old);
    byte[] bytes = Files.readAllBytes(file);

    assertThat(store.write(file, Map.of(STYLES, STYLE_LABELS))).isFalse();

    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
  }

  @Test
  void anEmptyListRemovesTheUserFieldAndNothingElse() throws Exception {
    store.write(file, Map.of(STYLES, STYLE_LABELS, TagField.GENRE, List.of("Reggae")));

    assertThat(store.write(file, Map.of(STYLES, List.of()))).isTrue();

    assertThat(store.read(file, Set.of(STYLES)))
        .isEqualTo(new TagValues(Map.of(TagField.GENRE, List.of("Reggae"))));
    assertThat(TagTestFiles.userDefined(file, "STYLES")).isEmpty();
  }

  @Test
  void tempoAndKeySitWhereDjSoftwareReadsThem() throws Exception {
    assumeTrue(DjFields.available(), "needs python3-mutagen (CI installs it)");
    Map<TagField, List<String>> values = new TreeMap<>(ANALYSIS);
    values.put(TagField.BPM, List.of("128"));
    values.put(TagField.KEY, List.of("F#m"));

    assertThat(store.write(file, values)).isTrue();

    assertThat(store.read(file)).isEqualTo(new TagValues(values));
    DjFields.Read read = DjFields.read(file);
    assertThat(read.bpm()).containsExactly("128");
    assertThat(read.key()).containsExactly("F#m");
    assertThat(read.keyAlternative()).isEmpty();
  }

  @Test
  void aBpmAndKeyAnotherProgramWroteAreReadAndOutliveOtherWrites() throws Exception {
    assumeTrue(DjFields.available(), "needs python3-mutagen (CI installs it)");
    DjFields.write(file, "124", "Dm", "INITIALKEY");
    List<String> before = TagTestFiles.userTags(file);

    assertThat(store.read(file).get(TagField.BPM)).containsExactly("124");
    assertThat(store.read(file).get(TagField.KEY)).containsExactly("Dm");
    store.write(file, Map.of(TagField.GENRE, List.of("Jazz"), TagField.MOOD, List.of("calm")));

    DjFields.Read read = DjFields.read(file);
    assertThat(read.bpm()).containsExactly("124");
    assertThat(read.key()).containsExactly("Dm");
    assertThat(TagTestFiles.userTags(file)).isEqualTo(before);

    store.write(file, Map.of(TagField.BPM, List.of("125"), TagField.KEY, List.of()));
    assertThat(DjFields.read(file).bpm()).containsExactly("125");
    assertThat(DjFields.read(file).key()).isEmpty();
    assertThat(store.read(file).get(TagField.GENRE)).containsExactly("Jazz");
  }

  @Test
  void picardsVorbisKeyCommentIsReadAndKeptEqualToInitialKey() throws Exception {
    assumeTrue(DjFields.available(), "needs python3-mutagen (CI installs it)");
    assumeTrue(
        TagFormat.of(file).orElseThrow().family == TagFormat.Family.VORBIS,
        "only Vorbis comments have two names for the key");
    DjFields.write(file, "90", "Bbm", "KEY");

    assertThat(store.read(file).get(TagField.KEY)).containsExactly("Bbm");
    store.write(file, Map.of(TagField.KEY, List.of("A#m")));

    DjFields.Read read = DjFields.read(file);
    assertThat(read.key()).containsExactly("A#m");
    assertThat(read.keyAlternative()).containsExactly("A#m");
    assertThat(store.read(file).get(TagField.KEY)).containsExactly("A#m");
  }
}
