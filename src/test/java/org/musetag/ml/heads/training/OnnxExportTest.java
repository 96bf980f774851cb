package org.musetag.ml.heads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musetag.ml.heads.Head;
import org.musetag.ml.heads.HeadCard;
import org.musetag.ml.heads.HeadKind;
import org.musetag.ml.heads.Synthetic;

/** The exported ONNX head, run by ONNX Runtime through DJL, predicts what the Tribuo head predicts. */
class OnnxExportTest {
  @TempDir Path dir;

  @Test
  void aLabelHeadGivesTheSameProbabilitiesInOnnxRuntime() throws Exception {
    List<Sample> samples = Synthetic.samples(List.of("dub", "shoegaze", "workout"), 12, 3);
    LinearHead head =
        LinearHead.trainLabels(
            samples.stream().map(Sample::embedding).toList(),
            samples.stream().map(Sample::label).toList(),
            1);
    writeCard(HeadKind.LABELS, head.outputs());
    head.exportOnnx(dir.resolve(HeadCard.ONNX), 1, Map.of("name", "test"));

    try (Head onnx = Head.load(dir)) {
      assertThat(onnx.outputs()).containsExactlyInAnyOrder("dub", "shoegaze", "workout");
      for (float[] x : unseen(40)) {
        double[] want = head.predict(x);
        float[] got = onnx.predict(x);
        for (int i = 0; i < want.length; i++) {
          assertThat((double) got[i]).isCloseTo(want[i], within(1e-5));
        }
        assertThat(sum(got)).isCloseTo(1.0, within(1e-5));
      }
    }
  }

  @Test
  void aRegressionHeadGivesTheSameValenceAndArousalInOnnxRuntime() throws Exception {
    List<Sample> samples = Synthetic.samples(List.of("a", "b", "c", "d"), 8, 5);
    double[] valence =
        samples.stream().mapToDouble(s -> s.embedding()[0] / 3 - s.embedding()[1] / 3).toArray();
    double[] arousal = samples.stream().mapToDouble(s -> s.embedding()[2] / 3 - 0.2).toArray();
    LinearHead head =
        LinearHead.trainRegression(
            samples.stream().map(Sample::embedding).toList(), valence, arousal, 1);
    writeCard(HeadKind.REGRESSION, head.outputs());
    head.exportOnnx(dir.resolve(HeadCard.ONNX), 1, Map.of());

    try (Head onnx = Head.load(dir)) {
      assertThat(onnx.outputs()).containsExactlyInAnyOrder("valence", "arousal");
      for (float[] x : unseen(40)) {
        double[] want = head.predict(x);
        float[] got = onnx.predict(x);
        assertThat((double) got[0]).isCloseTo(want[0], within(1e-5));
        assertThat((double) got[1]).isCloseTo(want[1], within(1e-5));
      }
    }
  }

  private static List<float[]> unseen(int n) {
    Random random = new Random(99);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Synthetic.point(random, i % 5));
    }
    return out;
  }

  private void writeCard(HeadKind kind, List<String> outputs) throws Exception {
    Synthetic.card("test", 1, kind, outputs).write(dir);
  }

  private static double sum(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s;
  }
}
