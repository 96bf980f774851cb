package org.musetag.ui.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.musetag.architecture.PackageSlices;

/**
 * The UI's own rules (house style, MVVM): only view models reach the services, views only bind and forward, all
 * background work goes through the task runner, and only its FX adapter hops onto the FX thread; the UI's services
 * are built in one place, its composition root {@code ui.shell}, which no feature package reaches back into.
 */
@AnalyzeClasses(
    packages = "org.musetag.ui",
    importOptions = UiArchitectureTest.MainClassesOnly.class)
class UiArchitectureTest {
  private static final String[] SERVICES = {
    "org.musetag.library.Library", "org.musetag.library.LibraryScanner",
        "org.musetag.library.TrackStore",
    "org.musetag.library.AnalysisStore", "org.musetag.library.TagJournal",
        "org.musetag.jobs.TagJob",
    "org.musetag.jobs.AnalyzeJob", "org.musetag.jobs.ClassifyJob", "org.musetag.ml.PatchModel",
    "org.musetag.ml.TrackClassifier", "org.musetag.audio.AudioDecoder", "org.musetag.tags.TagStore",
    "org.musetag.ui.services.LibraryGateway", "org.musetag.ml.BundledModel",
        "org.musetag.ui.services.TagBatches",
    "org.musetag.ui.services.LibraryJobs"
  };

  private static final String[] UI_SERVICES = {
    "org.musetag.ui.services.LibraryGateway", "org.musetag.ui.task.WorkerPool",
        "org.musetag.ui.task.FxTaskRunner",
    "org.musetag.ui.dialog.FxDialogService", "org.musetag.ui.services.LibraryJobs",
        "org.musetag.ui.services.TagBatches",
    "org.musetag.ml.BundledModel", "org.musetag.ml.PatchModel"
  };

  /** Main classes only, whatever the build folder is called (builds may use their own). */
  static final class MainClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule viewsTalkToViewModelsNotServices =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("View")
          .or()
          .haveSimpleNameEndingWith("Card")
          .or()
          .haveSimpleNameEndingWith("Canvas")
          .or()
          .haveSimpleName("StatusBar")
          .or()
          .haveSimpleName("MainMenu")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are services", (JavaClass c) -> Arrays.asList(SERVICES).contains(c.getName())))
          .because("only view models talk to services (MVVM)");

  @ArchTest
  static final ArchRule viewModelsHaveNoControls =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx.scene.control..",
              "javafx.scene.layout..",
              "javafx.scene.canvas..",
              "javafx.stage..")
          .because("view models are tested without a window");

  @ArchTest
  static final ArchRule onlyTheTaskAdapterHopsOntoTheFxThread =
      noClasses()
          .that()
          .haveNameNotMatching("org\\.musetag\\.ui\\.task\\.FxTaskRunner(\\$.*)?")
          .should()
          .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
          .because("background work goes through the one task runner");

  @ArchTest
  static final ArchRule noThreadsOfItsOwn =
      noClasses()
          .should()
          .callConstructor(Thread.class, Runnable.class)
          .orShould()
          .callConstructor(Thread.class, Runnable.class, String.class)
          .orShould()
          .callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
          .orShould()
          .callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor")
          .orShould()
          .callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
          .because("executors are injected (Services.executors), never created ad hoc");

  @ArchTest
  static final ArchRule onlyTheShellBuildsTheServices =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.musetag.ui.shell..")
          .should()
          .callConstructorWhere(
              DescribedPredicate.describe(
                  "builds a UI service",
                  (JavaConstructorCall call) ->
                      Arrays.asList(UI_SERVICES).contains(call.getTargetOwner().getName())
                          && !call.getOriginOwner()
                              .equals(
                                  call.getTargetOwner()))) // a constructor handing on to another
          .because(
              "the UI's composition root (ui.shell.AppViewModels) builds each service once and hands it on");

  @ArchTest
  static final ArchRule featuresDoNotReachTheShell =
      noClasses()
          .that()
          .resideInAPackage("org.musetag.ui..")
          .and()
          .resideOutsideOfPackage("org.musetag.ui.shell..")
          .and()
          .doNotHaveFullyQualifiedName("org.musetag.ui.MusetagApp")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.musetag.ui.shell..")
          .because(
              "the shell wires the features together; a feature knows only its own view model and the services");

  @ArchTest
  static final ArchRule uiPackagesHaveNoCycles =
      slices()
          .assignedFrom(PackageSlices.under("org.musetag.ui"))
          .should()
          .beFreeOfCycles()
          .because(
              "each feature and each shared package (task, dialog, display, services) can be read and changed"
                  + " without the ones that use it");
}
