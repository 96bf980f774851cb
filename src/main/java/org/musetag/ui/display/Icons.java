package org.musetag.ui.display;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * The app's icons: one-path SVGs drawn on a 24×24 grid (sources in {@code assets/icons}, copied to the class path),
 * shown as {@link SVGPath} nodes so they stay sharp at any size and take their colour from CSS ({@code .icon}).
 */
public final class Icons {
  private static final Pattern D = Pattern.compile("\\sd=\"([^\"]+)\"");
  private static final Pattern RULE = Pattern.compile("fill-rule=\"([a-z]+)\"");
  private static final Map<String, String[]> CACHE = new ConcurrentHashMap<>();

  private Icons() {}

  /** The icon {@code name} (file name without .svg), {@code size} pixels square. */
  public static Node get(String name, double size) {
    String[] svg = CACHE.computeIfAbsent(name, Icons::load);
    SVGPath path = new SVGPath();
    path.setContent(svg[0]);
    path.setFillRule("evenodd".equals(svg[1]) ? FillRule.EVEN_ODD : FillRule.NON_ZERO);
    path.getStyleClass().add("icon");
    path.setScaleX(size / 24);
    path.setScaleY(size / 24);
    Group g = new Group(path);
    g.getStyleClass().add("icon-box");
    return g;
  }

  /** The path data and fill rule of an icon; an unknown icon is a programming error. */
  static String[] load(String name) {
    try (InputStream in =
        Icons.class.getResourceAsStream("/org/musetag/ui/icons/" + name + ".svg")) {
      if (in == null) {
        throw new IllegalArgumentException("no icon " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher d = D.matcher(text);
      Matcher rule = RULE.matcher(text);
      if (!d.find()) {
        throw new IllegalArgumentException("icon " + name + " has no path");
      }
      return new String[] {d.group(1), rule.find() ? rule.group(1) : "nonzero"};
    } catch (IOException e) {
      throw new IllegalStateException("cannot read icon " + name, e);
    }
  }
}
