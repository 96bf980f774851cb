package org.musetag.ml.heads.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 per class, accuracy and macro-F1, from a confusion matrix of true (rows) against
 * predicted (columns) labels. A class never predicted has precision 0, a class with no examples recall 0, and F1 is
 * 0 when precision and recall both are (scikit-learn's {@code zero_division=0}). A prediction outside the label set
 * (index −1) counts against recall and accuracy and in no class's precision.
 *
 * @param confusion confusion[true][predicted] counts
 * @param macroF1 the unweighted mean of the classes' F1 over classes that have examples
 */
public record ClassificationMetrics(
    List<String> labels,
    int[][] confusion,
    List<PerClass> perClass,
    int n,
    double accuracy,
    double macroF1) {

  /** One class's scores; {@code support} is its number of true examples. */
  public record PerClass(String label, int support, double precision, double recall, double f1) {}

  public static ClassificationMetrics of(List<String> labels, int[] truth, int[] predicted) {
    int k = labels.size();
    int[][] confusion = new int[k][k];
    int[] support = new int[k];
    int[] predictedAs = new int[k];
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      support[truth[i]]++;
      if (predicted[i] >= 0) {
        confusion[truth[i]][predicted[i]]++;
        predictedAs[predicted[i]]++;
      }
      correct += truth[i] == predicted[i] ? 1 : 0;
    }
    List<PerClass> per = new ArrayList<>();
    double f1Sum = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      int tp = confusion[c][c];
      double precision = predictedAs[c] == 0 ? 0 : tp / (double) predictedAs[c];
      double recall = support[c] == 0 ? 0 : tp / (double) support[c];
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      per.add(new PerClass(labels.get(c), support[c], precision, recall, f1));
      if (support[c] > 0) {
        f1Sum += f1;
        present++;
      }
    }
    double accuracy = truth.length == 0 ? 0 : correct / (double) truth.length;
    return new ClassificationMetrics(
        List.copyOf(labels),
        confusion,
        List.copyOf(per),
        truth.length,
        accuracy,
        present == 0 ? 0 : f1Sum / present);
  }
}
