package org.musetag.ml.heads;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** What a head predicts: one of the user's labels, or a valence/arousal point. */
public enum HeadKind {
  @SerializedName("labels")
  LABELS,
  @SerializedName("regression")
  REGRESSION;

  /** "labels" or "regression", as the command line and the model card spell it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
