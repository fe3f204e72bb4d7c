package casemail.http;

import casemail.http.UploadForm.Upload;
import casemail.message.AttachmentStore;
import casemail.message.Attachments;
import casemail.message.Attachments.Problem;
import casemail.message.Attachments.Refusal;
import io.vertx.core.MultiMap;
import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code multipart/form-data} body, received whole into a file, parsed with Jakarta Mail's
 * MIME parser (which reads the parts' bytes from the file, not into memory). Unlike the HTTP
 * server's decoder, it keeps a file name exactly as sent — commas, semicolons and all. Files
 * are copied out while their SHA-256 is computed, up to the attachment limits; text fields are
 * UTF-8. Runs on a worker thread.
 */
final class MultipartForm {

  private static final int BUFFER = 64 * 1024;

  private final AttachmentStore store;
  private final MultiMap fields = MultiMap.caseInsensitiveMultiMap();
  private final List<Upload> uploads = new ArrayList<>();
  private final List<Path> created = new ArrayList<>();
  private final Set<Problem> problems = new LinkedHashSet<>();
  private long fieldBytes;
  private long fileBytes;
  private boolean tooLarge;

  private MultipartForm(AttachmentStore store) {
    this.store = store;
  }

  /** What the form held: its text fields, the files within the limits and the problems. */
  record Parsed(MultiMap fields, List<Upload> uploads, Set<Problem> problems, boolean tooLarge) {
  }

  /** Thrown for a body that is not a form: answered with 400. */
  static final class Unreadable extends Exception {

    Unreadable(Throwable cause) {
      super("The form could not be read", cause);
    }
  }

  static Parsed parse(Path body, String contentType, AttachmentStore store) throws Unreadable {
    var form = new MultipartForm(store);
    try (var in = new SharedFileInputStream(body.toFile())) {
      var multipart = new MimeMultipart(new FileSource(in, contentType));
      for (int i = 0; i < multipart.getCount(); i++) {
        form.part(multipart.getBodyPart(i));
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      form.created.forEach(MultipartForm::deleteQuietly);
      throw new Unreadable(e);
    }
    return new Parsed(form.fields, form.uploads, form.problems, form.tooLarge);
  }

  private void part(BodyPart part) throws MessagingException, IOException {
    var header = part.getHeader("Content-Disposition");
    if (header == null) {
      return;
    }
    // Header bytes were read as ISO-8859-1; browsers send them as UTF-8.
    var disposition = new ContentDisposition(new String(
        header[0].getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    var name = disposition.getParameter("name");
    var filename = disposition.getParameter("filename");
    if (name == null) {
      return;
    }
    if (filename == null) {
      field(name, part);
    } else if (!filename.isEmpty()) {
      file(UploadForm.browserFileName(filename), part);
    }
  }

  private void field(String name, BodyPart part) throws MessagingException, IOException {
    try (var in = part.getInputStream()) {
      var bytes = in.readNBytes((int) (UploadForm.FIELDS_ALLOWANCE - fieldBytes) + 1);
      fieldBytes += bytes.length;
      if (fieldBytes > UploadForm.FIELDS_ALLOWANCE) {
        throw new IOException("Form fields larger than allowed");
      }
      fields.add(name, new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private void file(String name, BodyPart part) throws MessagingException, IOException {
    var problem = Attachments.nameRefusal(name);
    if (problem.isPresent() || uploads.size() == Attachments.MAX_FILES) {
      problems.add(problem.orElse(new Problem(Refusal.TOO_MANY, name)));
      return;
    }
    var target = store.temporaryPath();
    created.add(target);
    var digest = AttachmentStore.digest();
    long size = 0;
    try (var in = part.getInputStream(); var out = Files.newOutputStream(target)) {
      size = copy(in, out, digest, name);
    }
    if (size < 0) {
      tooLarge = true;
      deleteQuietly(target);
      return;
    }
    fileBytes += size;
    uploads.add(new Upload(name, Attachments.contentType(part.getContentType()), size,
        AttachmentStore.hex(digest), target));
  }

  /** Copies and hashes the file; stops at a limit and returns -1 then. */
  private long copy(InputStream in, OutputStream out, java.security.MessageDigest digest,
      String name) throws IOException {
    var buffer = new byte[BUFFER];
    long size = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      size += read;
      if (size > Attachments.MAX_FILE_BYTES) {
        problems.add(new Problem(Refusal.FILE_TOO_LARGE, name));
        return -1;
      }
      if (fileBytes + size > Attachments.MAX_MESSAGE_BYTES) {
        problems.add(new Problem(Refusal.MESSAGE_TOO_LARGE, null));
        return -1;
      }
      digest.update(buffer, 0, read);
      out.write(buffer, 0, read);
    }
    return size;
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Deleted with the other temporary files when the response is done.
    }
  }

  /** The received body as the MIME parser reads it. */
  private record FileSource(SharedFileInputStream in, String contentType)
      implements DataSource {

    @Override
    public InputStream getInputStream() {
      return in.newStream(0, -1);
    }

    @Override
    public OutputStream getOutputStream() {
      throw new UnsupportedOperationException("Read only");
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public String getName() {
      return "form";
    }
  }
}
