package org.musetag.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of docs/architecture.md, enforced: the core never sees JavaFX, nothing depends on the UI, and each
 * third-party library stays inside the one package that wraps it.
 */
@AnalyzeClasses(packages = "org.musetag", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] CORE = {
    "org.musetag.audio..",
    "org.musetag.dsp..",
    "org.musetag.ml..",
    "org.musetag.library..",
    "org.musetag.tags..",
    "org.musetag.jobs..",
    "org.musetag.similar..",
    "org.musetag.cli..",
    "org.musetag.app..",
    "org.musetag.settings.."
  };

  @ArchTest
  static final ArchRule tribuoOnlyWhereHeadsAreTrained =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.musetag.ml.heads.training.LinearHead")
          .and()
          .doNotHaveFullyQualifiedName("org.musetag.ml.heads.training.TribuoLogBridge")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.tribuo..", "com.oracle.labs.mlrg.olcut..")
          .because(
              "heads are trained with Tribuo and run as exported ONNX, so one class trains and one bridges its log");

  /**
   * ml.heads holds what applying a head needs (cards, registry, loaded heads); below it the scores
   * (heads.metrics), beside and above it reading the user's examples (heads.input), hearing them (heads.embeddings)
   * and training (heads.training). Only training reaches all the others; nothing reaches back into it.
   */
  @ArchTest
  static final ArchRule headsPackagesHaveNoCycles =
      slices()
          .assignedFrom(PackageSlices.under("org.musetag.ml.heads"))
          .should()
          .beFreeOfCycles()
          .because(
              "the heads' packages are layered: runtime and registry, scores, input, embeddings, training");

  /**
   * The layers of docs/architecture.md's diagram, top to bottom: each may be used only by the layers drawn above it
   * (layers drawn side by side, such as settings and library, or tags, audio and dsp, never use each other).
   * The root package holds the launcher (the top) and a few helpers every layer shares (the bottom).
   */
  @ArchTest
  static final ArchRule layersPointOneWay =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Launcher")
          .definedBy(
              DescribedPredicate.describe(
                  "the launcher", (JavaClass c) -> c.getName().equals("org.musetag.Launcher")))
          .layer("Ui")
          .definedBy("org.musetag.ui..")
          .layer("Cli")
          .definedBy("org.musetag.cli..")
          .layer("App")
          .definedBy("org.musetag.app..")
          .layer("Jobs")
          .definedBy("org.musetag.jobs..")
          .layer("Similar")
          .definedBy("org.musetag.similar..")
          .layer("Settings")
          .definedBy("org.musetag.settings..")
          .layer("Library")
          .definedBy("org.musetag.library..")
          .layer("Ml")
          .definedBy("org.musetag.ml..")
          .layer("Tags")
          .definedBy("org.musetag.tags..")
          .layer("Audio")
          .definedBy("org.musetag.audio..")
          .layer("Dsp")
          .definedBy("org.musetag.dsp..")
          .layer("Shared")
          .definedBy(
              DescribedPredicate.describe(
                  "the root package's shared helpers",
                  (JavaClass c) ->
                      c.getPackageName().equals("org.musetag")
                          && !c.getName().startsWith("org.musetag.Launcher")))
          .whereLayer("Ui")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("Cli")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("App")
          .mayOnlyBeAccessedByLayers("Launcher", "Ui", "Cli")
          .whereLayer("Jobs")
          .mayOnlyBeAccessedByLayers("Launcher", "Ui", "Cli", "App")
          .whereLayer("Similar")
          .mayOnlyBeAccessedByLayers("Launcher", "Ui", "Cli", "App")
          .whereLayer("Settings")
          .mayOnlyBeAccessedByLayers("Launcher", "Ui", "Cli", "App", "Jobs")
          .whereLayer("Library")
          .mayOnlyBeAccessedByLayers("Launcher", "Ui", "Cli", "App", "Jobs", "Similar")
          .whereLayer("Ml")
          .mayOnlyBeAccessedByLayers(
              "Launcher", "Ui", "Cli", "App", "Jobs", "Similar", "Settings", "Library")
          .whereLayer("Tags")
          .mayOnlyBeAccessedByLayers(
              "Launcher", "Ui", "Cli", "App", "Jobs", "Settings", "Library", "Ml")
          .whereLayer("Audio")
          .mayOnlyBeAccessedByLayers(
              "Launcher", "Ui", "Cli", "App", "Jobs", "Settings", "Library", "Ml")
          .whereLayer("Dsp")
          .mayOnlyBeAccessedByLayers(
              "Launcher", "Ui", "Cli", "App", "Jobs", "Similar", "Settings", "Library", "Ml")
          .because(
              "docs/architecture.md draws the packages as layers whose arrows only point down");

  @ArchTest
  static final ArchRule coreHasNoJavaFx =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
          .because("the core must run headless and be testable without a window");

  @ArchTest
  static final ArchRule coreDoesNotDependOnTheUi =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.musetag.ui..");

  @ArchTest
  static final ArchRule ffmpegStaysInAudio =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.musetag.audio..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.bytedeco..");

  @ArchTest
  static final ArchRule djlStaysInMl =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.musetag.ml..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("ai.djl..", "ai.onnxruntime..");

  @ArchTest
  static final ArchRule jaudiotaggerStaysInTags =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.musetag.tags..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jaudiotagger..");

  @ArchTest
  static final ArchRule jdbcStaysInLibrary =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.musetag.library..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.sqlite..");

  @ArchTest
  static final ArchRule tarsosStaysInDspAndAudio =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.musetag.dsp..", "org.musetag.audio..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("be.tarsos..");

  @ArchTest
  static final ArchRule onlyTheCommandLinePrintsToTheTerminal =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.musetag.cli..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("everything else logs through SLF4J");

  @ArchTest
  static final ArchRule loggingIsSlf4jOnly =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.musetag.tags.JaudiotaggerLogBridge")
          .and()
          .doNotHaveFullyQualifiedName("org.musetag.ml.heads.training.TribuoLogBridge")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.util.logging..", "org.apache.log4j..")
          .because(
              "one logging facade keeps the log in one place (the two bridges move JAudioTagger and Tribuo logs into it)");

  @ArchTest
  static final ArchRule dspIsPure =
      noClasses()
          .that()
          .resideInAPackage("org.musetag.dsp..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "java.net..")
          .because("DSP code computes; it does not talk to databases or networks");

  @ArchTest
  static final ArchRule nothingOpensNetworkConnections =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.Socket")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.net.HttpURLConnection")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.net.http..")
          .because("Musetag is offline, always");

  @ArchTest
  static final ArchRule onlyTheModelServiceLoadsTheModel =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.musetag.ml.BundledModel")
          .and()
          .doNotHaveFullyQualifiedName("org.musetag.ml.PatchModel")
          .should()
          .callMethod(
              org.musetag.ml.PatchModel.class,
              "load",
              java.nio.file.Path.class,
              org.musetag.ml.DevicePreference.class,
              int.class)
          .orShould()
          .callMethod(
              org.musetag.ml.PatchModel.class,
              "load",
              java.nio.file.Path.class,
              org.musetag.ml.ModelMetadata.class,
              org.musetag.ml.DevicePreference.class,
              int.class)
          .because(
              "the bundled model is opened once per process, by ml.BundledModel (docs/architecture.md)");

  @ArchTest
  static final ArchRule onlyWiringBuildsTheServices =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.musetag.app.Wiring")
          .should()
          .callConstructor(
              org.musetag.app.Services.class,
              org.musetag.audio.AudioDecoder.class,
              org.musetag.app.AppDirectories.class,
              org.musetag.ml.BundledModel.class,
              java.util.function.IntFunction.class)
          .because(
              "app.Wiring is the composition root: the services are built once, for both front ends");
}
