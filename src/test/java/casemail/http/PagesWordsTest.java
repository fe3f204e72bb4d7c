package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.message.Words;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff words in templates: in the reader's language, and what they hold escaped. */
class PagesWordsTest {

  private static Vertx vertx;
  private static Pages pages;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pages = new Pages(vertx, null);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void wordsAndTheirArgumentsAreEscapedLikeAnyValue() throws IOException {
    var hostile = new JsonObject().put("name", "<script>alert(1)</script>").put("number", "C1")
        .put("status", "failed");

    var html = pages.apply("staff/composer", new JsonObject()
        .put("customer", hostile).put("title", "<b>t</b>").put("form", new JsonObject())
        .put("problems", new JsonObject()), Words.staff("nl"));

    assertThat(html).contains("Aan &lt;script&gt;alert(1)&lt;/script&gt; (C1).",
        "Bericht · &lt;b&gt;t&lt;/b&gt;", "Versturen naar klant")
        .doesNotContain("<script>alert", "<b>t</b>");
  }
}
