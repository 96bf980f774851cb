package org.musetag.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Slices for the cycle rules: every package under a root is a slice of its own, the root package included (a
 * pattern such as {@code root.(**)} would leave the root's classes out, and a cycle through them unseen).
 */
public final class PackageSlices implements SliceAssignment {
  private final String root;

  private PackageSlices(String root) {
    this.root = root;
  }

  public static PackageSlices under(String root) {
    return new PackageSlices(root);
  }

  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    String p = javaClass.getPackageName();
    return p.equals(root) || p.startsWith(root + ".")
        ? SliceIdentifier.of(p)
        : SliceIdentifier.ignore();
  }

  @Override
  public String getDescription() {
    return "the packages under " + root + " and " + root + " itself";
  }
}
