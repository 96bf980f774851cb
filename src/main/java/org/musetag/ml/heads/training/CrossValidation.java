package org.musetag.ml.heads.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.metrics.ClassificationMetrics;
import org.musetag.ml.heads.metrics.Evaluation;
import org.musetag.ml.heads.metrics.RegressionMetrics;

/**
 * k-fold cross-validation of a head (k = {@link Folds#K}, stratified by label, fixed seed): trains on k − 1 folds,
 * predicts the held-out fold, and scores all out-of-fold predictions together; the standardisation is fitted inside
 * each training part, so nothing of the held-out fold leaks into it. Where the bundled model knows the labels (or, for
 * regression, always) it is scored on the same examples.
 */
final class CrossValidation {
  private CrossValidation() {}

  static Evaluation run(DataSummary data, int k, long seed) {
    return data.kind() == HeadKind.LABELS ? labels(data, k, seed) : regression(data, k, seed);
  }

  private static Evaluation labels(DataSummary data, int k, long seed) {
    List<Sample> samples = data.samples();
    List<String> labels = data.labels();
    int[] truth = samples.stream().mapToInt(s -> labels.indexOf(s.label())).toArray();
    int[] folds =
        Folds.assign(samples.stream().map(Sample::label).toList(), samples.size(), k, seed);
    int count = Folds.count(folds);
    int[] predicted = new int[samples.size()];
    List<Double> foldAccuracy = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      List<float[]> x = new ArrayList<>();
      List<String> y = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        if (folds[i] != f) {
          x.add(samples.get(i).embedding());
          y.add(samples.get(i).label());
        }
      }
      LinearHead head = LinearHead.trainLabels(x, y, seed);
      int correct = 0;
      int tested = 0;
      for (int i = 0; i < samples.size(); i++) {
        if (folds[i] == f) {
          predicted[i] =
              labels.indexOf(head.outputs().get(argmax(head.predict(samples.get(i).embedding()))));
          correct += predicted[i] == truth[i] ? 1 : 0;
          tested++;
        }
      }
      foldAccuracy.add(correct / (double) tested);
    }
    ClassificationMetrics metrics = ClassificationMetrics.of(labels, truth, predicted);
    return new Evaluation(count, seed, metrics, foldAccuracy, null, compare(data, predicted));
  }

  /** The bundled model and the head on the examples whose label the bundled model knows, among those labels. */
  private static Evaluation.Comparison compare(DataSummary data, int[] predicted) {
    List<Sample> samples = data.samples();
    BackboneBaseline baseline =
        BackboneBaseline.forLabels(data.labels(), samples.get(0).backbone());
    if (baseline == null) {
      return null;
    }
    List<String> compared = baseline.labels();
    List<Integer> truth = new ArrayList<>();
    List<Integer> head = new ArrayList<>();
    List<Integer> bundled = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      int t = compared.indexOf(samples.get(i).label());
      if (t >= 0) {
        truth.add(t);
        head.add(compared.indexOf(data.labels().get(predicted[i])));
        bundled.add(compared.indexOf(baseline.predict(samples.get(i).backbone())));
      }
    }
    int[] tr = truth.stream().mapToInt(Integer::intValue).toArray();
    return new Evaluation.Comparison(
        samples.get(0).backbone().model(),
        baseline.vocabulary(),
        tr.length,
        ClassificationMetrics.of(compared, tr, head.stream().mapToInt(Integer::intValue).toArray()),
        ClassificationMetrics.of(
            compared, tr, bundled.stream().mapToInt(Integer::intValue).toArray()),
        null);
  }

  private static Evaluation regression(DataSummary data, int k, long seed) {
    List<Sample> samples = data.samples();
    int n = samples.size();
    int[] folds = Folds.assign(null, n, k, seed);
    int count = Folds.count(folds);
    double[] valence = samples.stream().mapToDouble(Sample::valence).toArray();
    double[] arousal = samples.stream().mapToDouble(Sample::arousal).toArray();
    double[] pv = new double[n];
    double[] pa = new double[n];
    for (int f = 0; f < count; f++) {
      List<float[]> x = new ArrayList<>();
      List<Double> v = new ArrayList<>();
      List<Double> a = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (folds[i] != f) {
          x.add(samples.get(i).embedding());
          v.add(valence[i]);
          a.add(arousal[i]);
        }
      }
      LinearHead head = LinearHead.trainRegression(x, unbox(v), unbox(a), seed);
      int vi = head.outputs().indexOf(HeadCard.VALENCE);
      int ai = head.outputs().indexOf(HeadCard.AROUSAL);
      for (int i = 0; i < n; i++) {
        if (folds[i] == f) {
          double[] out = head.predict(samples.get(i).embedding());
          pv[i] = out[vi];
          pa[i] = out[ai];
        }
      }
    }
    Map<String, RegressionMetrics> metrics = new LinkedHashMap<>();
    metrics.put(HeadCard.VALENCE, RegressionMetrics.of(valence, pv));
    metrics.put(HeadCard.AROUSAL, RegressionMetrics.of(arousal, pa));
    Map<String, RegressionMetrics> bundled = new LinkedHashMap<>();
    bundled.put(
        HeadCard.VALENCE,
        RegressionMetrics.of(
            valence, samples.stream().mapToDouble(s -> s.backbone().valence()).toArray()));
    bundled.put(
        HeadCard.AROUSAL,
        RegressionMetrics.of(
            arousal, samples.stream().mapToDouble(s -> s.backbone().arousal()).toArray()));
    Evaluation.Comparison backbone =
        new Evaluation.Comparison(
            samples.get(0).backbone().model(), "valence-arousal", n, null, null, bundled);
    return new Evaluation(count, seed, null, null, metrics, backbone);
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  private static double[] unbox(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
