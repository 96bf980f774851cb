package org.musetag.ml.heads.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns examples to k cross-validation folds with a fixed seed, stratified by label: each label's examples are
 * shuffled and dealt round-robin, continuing where the previous label stopped, so every fold gets a share of every
 * label that has at least k examples and the folds differ in size by at most one. Without labels (regression) the
 * examples are shuffled and dealt the same way.
 */
public final class Folds {
  public static final int K = 5;
  public static final long SEED = 20261121L;

  private Folds() {}

  /**
   * @param labels one per example; null entries (or a null list) mean "no strata"
   * @return the fold of each example, 0..k-1, where k = min(K, number of examples)
   */
  public static int[] assign(List<String> labels, int size, int k, long seed) {
    int folds = Math.max(1, Math.min(k, size));
    Map<String, List<Integer>> strata = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      String label = labels == null || labels.get(i) == null ? "" : labels.get(i);
      strata.computeIfAbsent(label, l -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    int[] fold = new int[size];
    int next = 0;
    for (List<Integer> members : strata.values()) {
      Collections.shuffle(members, random);
      for (int i : members) {
        fold[i] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  /** The number of folds {@link #assign} used. */
  public static int count(int[] folds) {
    int max = -1;
    for (int f : folds) {
      max = Math.max(max, f);
    }
    return max + 1;
  }
}
