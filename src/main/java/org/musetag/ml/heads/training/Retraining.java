package org.musetag.ml.heads.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.HeadRegistry;
import org.musetag.ml.heads.input.LabelFolders;
import org.musetag.ml.heads.input.RatingsCsv;

/**
 * Training a head again from what its card says it learned from (the label folders or ratings CSV, and its tag
 * field), for the heads a new bundled model left behind: their backbone is gone, so they are not applied until they
 * are trained on the new one. The command line ({@code train --retrain}) and the Expert pane both start here.
 */
public final class Retraining {
  private Retraining() {}

  /** What to retrain: the version whose card is read, and the request that trains the head again. */
  public record Plan(HeadRegistry.Version from, HeadTraining.Request request) {}

  /**
   * The plan for head {@code name}, from its active version (or its newest when none is active).
   *
   * @throws HeadException when there is no such head, its card does not say where its examples were, or they are
   *     gone
   */
  public static Plan of(HeadRegistry registry, String name, Predicate<Path> isAudio)
      throws HeadException {
    return of(
        registry,
        name,
        isAudio,
        card ->
            card.kind() == HeadKind.LABELS
                ? "train it again with --folders DIR --name " + card.name()
                : "train it again with --csv FILE --name " + card.name());
  }

  /**
   * The same, with the front end's own words for training the head from scratch when its examples are gone.
   *
   * @param again what to do instead, for the card whose examples are gone ("train it again with --folders DIR
   *     --name tones")
   */
  public static Plan of(
      HeadRegistry registry, String name, Predicate<Path> isAudio, Function<HeadCard, String> again)
      throws HeadException {
    List<HeadRegistry.Version> versions = registry.versions(name);
    HeadRegistry.Version from =
        versions.stream()
            .filter(HeadRegistry.Version::active)
            .findFirst()
            .or(() -> versions.stream().max(Comparator.comparingInt(HeadRegistry.Version::version)))
            .orElseThrow(() -> new HeadException("there is no head named " + name));
    HeadCard card = from.card();
    Path input = card.trainingInput();
    String what = card.kind() == HeadKind.LABELS ? "label folder" : "ratings CSV";
    if (input == null) {
      throw new HeadException(
          "the card of "
              + card.id()
              + " does not say where its examples were; "
              + again.apply(card));
    }
    if (!Files.exists(input)) {
      throw new HeadException(
          card.id()
              + " was trained from the "
              + what
              + " "
              + input
              + ", which is gone; "
              + again.apply(card));
    }
    return new Plan(
        from,
        new HeadTraining.Request(
            name,
            card.kind() == HeadKind.LABELS
                ? LabelFolders.read(input, isAudio)
                : RatingsCsv.read(input),
            card.tagField()));
  }
}
