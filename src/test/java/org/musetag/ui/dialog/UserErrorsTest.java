package org.musetag.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.musetag.library.LibraryException;

class UserErrorsTest {
  @Test
  void musetagProblemsReadAsSentences() {
    assertThat(
            UserErrors.describe(
                new ExecutionException(new LibraryException("cannot open the library x.db"))))
        .isEqualTo("Cannot open the library x.db.");
  }

  @Test
  void unexpectedFailuresGiveAnErrorCodeNotAStackTrace() {
    String text = UserErrors.describe(new NullPointerException("boom"));
    assertThat(text)
        .matches(
            "Something went wrong unexpectedly\\. Error code E-[0-9A-F]+ \\(the log has the details\\)\\.")
        .doesNotContain("NullPointerException")
        .doesNotContain("at org.");
  }
}
