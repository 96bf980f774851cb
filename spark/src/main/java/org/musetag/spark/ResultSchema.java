package org.musetag.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the job's output, one row per track: where it is, what it is (size, modification time, a digest of
 * its audio stream), and what the model heard in it, or the error that stopped it ({@code error} non-null, the
 * analysis columns null). Partitioned by {@code model} on disk, so rows of two models never mix.
 */
final class ResultSchema {
  static final StructType GENRE =
      new StructType(
          new StructField[] {
            field("label", DataTypes.StringType, false), field("p", DataTypes.DoubleType, false)
          });

  static final StructType TRACK =
      new StructType(
          new StructField[] {
            field("path", DataTypes.StringType, false),
            field("size", DataTypes.LongType, false),
            field("mtime_ms", DataTypes.LongType, false),
            field("audio_sha256", DataTypes.StringType, true),
            field("error", DataTypes.StringType, true),
            field("error_kind", DataTypes.StringType, true),
            field("genres", new ArrayType(GENRE, false), true),
            field("quadrant", DataTypes.StringType, true),
            field(
                "quadrants",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false),
                true),
            field("valence", DataTypes.DoubleType, true),
            field("arousal", DataTypes.DoubleType, true),
            field("confidence", DataTypes.DoubleType, true),
            field("embedding", new ArrayType(DataTypes.FloatType, false), true),
            field("bpm", DataTypes.DoubleType, true),
            field("bpm_confidence", DataTypes.DoubleType, true),
            field("musical_key", DataTypes.StringType, true),
            field("key_confidence", DataTypes.DoubleType, true),
            field("tempo_key_method", DataTypes.IntegerType, true),
            field("heard_ms", DataTypes.LongType, false),
            field("model", DataTypes.StringType, false)
          });

  private ResultSchema() {}

  private static StructField field(
      String name, org.apache.spark.sql.types.DataType t, boolean nullable) {
    return new StructField(name, t, nullable, Metadata.empty());
  }
}
