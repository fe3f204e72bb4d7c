package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casemail.message.AttachmentStore;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartFormTest {

  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  @TempDir
  Path dir;
  private Vertx vertx;
  private AttachmentStore store;

  @BeforeEach
  void store() {
    vertx = Vertx.vertx();
    store = new AttachmentStore(vertx, dir);
  }

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void keepsFileNamesAndFieldsExactlyAsSent() throws Exception {
    var name = "Счёт %22März%22; 請求書, €120=final: a\\\\b.pdf";
    var body = body(part("subject", null, "Grüße, Anna; x=1"),
        part("attachments", name, "%PDF-1.7 bytes"),
        part("attachments", "", ""));

    var parsed = MultipartForm.parse(body, TYPE, store);

    assertThat(parsed.fields().get("subject")).isEqualTo("Grüße, Anna; x=1");
    assertThat(parsed.uploads()).hasSize(1);
    var upload = parsed.uploads().get(0);
    assertThat(upload.filename()).isEqualTo("Счёт \"März\"; 請求書, €120=final: a\\b.pdf");
    assertThat(upload.contentType()).isEqualTo("application/pdf");
    assertThat(upload.received()).hasContent("%PDF-1.7 bytes");
    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void refusesAFileOverTheLimitNamingItAndKeepsTheOthers() throws Exception {
    var big = "x".repeat(10 * 1024 * 1024 + 1);
    var body = body(part("attachments", "big.pdf", big), part("attachments", "ok.pdf", "ok"));

    var parsed = MultipartForm.parse(body, TYPE, store);

    assertThat(parsed.tooLarge()).isTrue();
    assertThat(parsed.problems().iterator().next().english()).contains("‘big.pdf’", "10 MB");
    assertThat(parsed.uploads()).extracting(UploadForm.Upload::filename)
        .containsExactly("ok.pdf");
  }

  @Test
  void refusesABodyThatIsNoForm() throws Exception {
    var body = Files.writeString(dir.resolve("junk"), "not a multipart body at all");

    assertThatThrownBy(() -> MultipartForm.parse(body, TYPE, store))
        .isInstanceOf(MultipartForm.Unreadable.class);
  }

  private static String part(String field, String filename, String content) {
    var disposition = "Content-Disposition: form-data; name=\"" + field + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\n"
            + "Content-Type: application/pdf");
    return "--XyZ\r\n" + disposition + "\r\n\r\n" + content + "\r\n";
  }

  private Path body(String... parts) throws Exception {
    var out = new ByteArrayOutputStream();
    for (var part : parts) {
      out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes("--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
    return Files.write(dir.resolve("body"), out.toByteArray());
  }
}
