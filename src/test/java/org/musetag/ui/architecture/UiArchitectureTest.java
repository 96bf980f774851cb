package org.musetag.ui.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The UI's own rules (house style, MVVM): only view models reach the services, views only bind and forward, all
 * background work goes through the task runner, and only its FX adapter hops onto the FX thread.
 */
@AnalyzeClasses(packages = "org.musetag.ui", importOptions = UiArchitectureTest.MainClassesOnly.class)
class UiArchitectureTest {
  private static final String[] SERVICES = {
    "org.musetag.library.Library", "org.musetag.library.LibraryScanner", "org.musetag.library.TrackStore",
    "org.musetag.library.AnalysisStore", "org.musetag.library.TagJournal", "org.musetag.jobs.TagJob",
    "org.musetag.jobs.AnalyzeJob", "org.musetag.jobs.ClassifyJob", "org.musetag.ml.PatchModel",
    "org.musetag.ml.TrackClassifier", "org.musetag.audio.AudioDecoder", "org.musetag.tags.TagStore",
    "org.musetag.ui.common.LibraryGateway", "org.musetag.ml.BundledModel", "org.musetag.ui.common.TagBatches",
    "org.musetag.ui.common.LibraryJobs"
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
      noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Card")
          .or().haveSimpleNameEndingWith("Canvas").or().haveSimpleName("StatusBar").or().haveSimpleName("MainMenu")
          .should().dependOnClassesThat(DescribedPredicate.describe("are services",
              (JavaClass c) -> Arrays.asList(SERVICES).contains(c.getName())))
          .because("only view models talk to services (MVVM)");

  @ArchTest
  static final ArchRule viewModelsHaveNoControls =
      noClasses().that().haveSimpleNameEndingWith("ViewModel")
          .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
              "javafx.scene.canvas..", "javafx.stage..")
          .because("view models are tested without a window");

  @ArchTest
  static final ArchRule onlyTheTaskAdapterHopsOntoTheFxThread =
      noClasses().that().haveNameNotMatching("org\\.musetag\\.ui\\.common\\.FxTaskRunner(\\$.*)?")
          .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
          .because("background work goes through the one task runner");

  @ArchTest
  static final ArchRule noThreadsOfItsOwn =
      noClasses().should().callConstructor(Thread.class, Runnable.class)
          .orShould().callConstructor(Thread.class, Runnable.class, String.class)
          .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
          .orShould().callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor")
          .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
          .because("executors are injected (Services.executors), never created ad hoc");
}
