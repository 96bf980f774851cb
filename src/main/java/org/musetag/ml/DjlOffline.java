package org.musetag.ml;

/**
 * Keeps DJL from reaching the network. DJL's {@code Engine.getEngine} calls {@code Ec2Utils.callHome}, which asks the
 * cloud metadata address 169.254.169.254 who is running it (telemetry), unless {@code ai.djl.offline} or
 * {@code OPT_OUT_TRACKING} is true. Musetag ships its models and never needs DJL online, so it says so itself instead
 * of relying on a flag on the command line: the launcher calls this first, and every class that loads a model calls it
 * before it touches a DJL class. This class itself must not refer to DJL.
 *
 * <p>The one way back online is the environment: DJL reads {@code DJL_OFFLINE} and {@code OPT_OUT_TRACKING} from it
 * before the system properties, so setting both to {@code false} there is an explicit choice Musetag leaves alone.
 */
public final class DjlOffline {
  private DjlOffline() {}

  /** Sets DJL's offline switches; idempotent and cheap. */
  public static void ensure() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }
}
