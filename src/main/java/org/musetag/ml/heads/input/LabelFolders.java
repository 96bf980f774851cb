package org.musetag.ml.heads.input;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.musetag.ml.heads.HeadException;
import org.musetag.ml.heads.HeadKind;

/**
 * Reads a folder whose sub-folders are labels ("dub/", "shoegaze/", "rainy day/"): every audio file anywhere below
 * a label folder is an example of that label. Links are followed (label folders are often links to albums);
 * hidden files and folders are skipped; audio files lying directly in the top folder belong to no label and are
 * reported.
 */
public final class LabelFolders {
  private LabelFolders() {}

  /**
   * @param isAudio which files count as audio (by name; decoding them comes later)
   * @throws HeadException when the folder is missing, has no label folder with audio in it, or only one
   */
  public static TrainingInput read(Path root, Predicate<Path> isAudio) throws HeadException {
    if (!Files.isDirectory(root)) {
      throw new HeadException(
          root + " is not a folder; give a folder whose sub-folders are the labels");
    }
    List<String> warnings = new ArrayList<>();
    TreeMap<String, List<Path>> byLabel = new TreeMap<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.sorted().toList()) {
        if (hidden(child)) {
          continue;
        }
        if (Files.isDirectory(child)) {
          byLabel.put(child.getFileName().toString().strip(), audioUnder(child, isAudio, warnings));
        } else if (isAudio.test(child)) {
          warnings.add(child + ": lies outside the label folders and is not used");
        }
      }
    } catch (IOException e) {
      throw new HeadException("cannot list the folder " + root + ": " + e.getMessage(), e);
    }
    byLabel
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().isEmpty()) {
                warnings.add(
                    "label folder '" + e.getKey() + "' has no audio files and is not used");
              }
              return e.getValue().isEmpty();
            });
    if (byLabel.isEmpty()) {
      throw new HeadException(
          root
              + " has no label folders with audio files in them: make one sub-folder per label"
              + " (e.g. "
              + root.resolve("dub")
              + ") and put example songs in each");
    }
    if (byLabel.size() == 1) {
      throw new HeadException(
          root
              + " has only one label ('"
              + byLabel.firstKey()
              + "'): a head needs at least two"
              + " label folders with songs to tell apart");
    }
    List<TrainingItem> items = new ArrayList<>();
    byLabel.forEach(
        (label, files) -> files.forEach(f -> items.add(TrainingItem.labelled(f, label))));
    return new TrainingInput(HeadKind.LABELS, root.toString(), items, warnings);
  }

  private static List<Path> audioUnder(Path dir, Predicate<Path> isAudio, List<String> warnings)
      throws IOException {
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(
        dir,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            return d.equals(dir) || !hidden(d)
                ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!hidden(file) && !attrs.isDirectory() && isAudio.test(file)) {
              out.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            warnings.add(
                file + ": cannot be read (" + e.getClass().getSimpleName() + ") and is not used");
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(null);
    return out;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
