package org.musetag.ml.heads.metrics;

/**
 * How well predicted values follow the true ones: Pearson's r, the coefficient of determination R² = 1 − SS_res /
 * SS_tot (negative when worse than always predicting the mean), and the root-mean-square error.
 */
public record RegressionMetrics(int n, double pearson, double r2, double rmse) {

  public static RegressionMetrics of(double[] truth, double[] predicted) {
    int n = truth.length;
    double mt = 0;
    double mp = 0;
    for (int i = 0; i < n; i++) {
      mt += truth[i];
      mp += predicted[i];
    }
    mt /= n;
    mp /= n;
    double cov = 0;
    double vt = 0;
    double vp = 0;
    double ssRes = 0;
    for (int i = 0; i < n; i++) {
      double dt = truth[i] - mt;
      double dp = predicted[i] - mp;
      cov += dt * dp;
      vt += dt * dt;
      vp += dp * dp;
      ssRes += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
    }
    double r = vt == 0 || vp == 0 ? 0 : cov / Math.sqrt(vt * vp);
    double r2 = vt == 0 ? 0 : 1 - ssRes / vt;
    return new RegressionMetrics(n, r, r2, Math.sqrt(ssRes / n));
  }
}
