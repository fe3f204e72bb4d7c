package casemail.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casemail.bus.BusFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ApiAttachmentsTest {

  @Test
  void refusesFilesTogetherLargerThanAMessageBeforeDecodingThem() {
    var nineMegabytes = "A".repeat(12_582_912);
    var attachments = new JsonArray();
    for (int i = 0; i < 3; i++) {
      attachments.add(new JsonObject().put("filename", i + ".pdf")
          .put("content_base64", nineMegabytes));
    }

    assertThatThrownBy(() -> ApiAttachments.check(attachments))
        .isInstanceOfSatisfying(BusFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo(413);
          assertThat(failure.fields().getString("attachments"))
              .contains("25 MB");
        });
  }

  @Test
  void refusesAFileNameWithALineBreak() {
    var attachments = new JsonArray().add(new JsonObject()
        .put("filename", "a\r\nContent-Type: text/html").put("content_base64", "QQ=="));

    assertThatThrownBy(() -> ApiAttachments.check(attachments))
        .isInstanceOfSatisfying(BusFailure.class,
            failure -> assertThat(failure.code()).isEqualTo(422));
  }
}
