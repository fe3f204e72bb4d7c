package casemail.http.staff;

import casemail.bus.BusFailure;
import casemail.http.StaffSession;
import casemail.message.AttachmentStore;
import casemail.message.Attachments;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the composer's form when it carries files ({@code multipart/form-data}), in place of
 * the body handler. A request larger than a message may be — its Content-Length, or the bytes
 * counted when it has none — is refused with 413 at once, before or while it is read, and the
 * connection closed. Otherwise the body is received into a temporary file and parsed by {@link
 * MultipartForm}: text fields become the request's form attributes, files within the limits
 * are handed to the route as {@link Upload}s, and a file over 10 MB (or past 25 MB together)
 * is named as the problem. The whole form is read in that case, so the composer can come back
 * with everything typed. Temporary files the route does not keep are deleted when the response
 * is done.
 */
public final class UploadForm implements Handler<RoutingContext> {

  /** Room for the form's text fields beside the files. */
  static final long FIELDS_ALLOWANCE = 1024 * 1024;
  static final long MAX_REQUEST = Attachments.MAX_MESSAGE_BYTES + FIELDS_ALLOWANCE;
  private static final String KEY = "casemail.uploads";
  private static final Pattern PATHS =
      Pattern.compile("^/(customers|invoices|matters)/[^/]+/messages$");

  private final Vertx vertx;
  private final AttachmentStore store;

  public UploadForm(Vertx vertx, AttachmentStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** A file received completely and within the limits, not yet kept. */
  public record Upload(String filename, String contentType, long size, String sha256,
      Path received) {
  }

  /** The files of a form and, if some could not be taken, why (413 when too large). */
  public record Received(List<Upload> uploads, String problem, boolean tooLarge) {

    static final Received NONE = new Received(List.of(), null, false);
  }

  /** Whether this request is a composer form with files, for this reader. */
  public boolean accepts(RoutingContext ctx) {
    var type = ctx.request().getHeader("Content-Type");
    return ctx.request().method() == HttpMethod.POST && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        && PATHS.matcher(ctx.normalizedPath()).matches();
  }

  /** What {@link #handle} read from the form; none for a form without files. */
  static Received received(RoutingContext ctx) {
    Received received = ctx.get(KEY);
    return received == null ? Received.NONE : received;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (StaffSession.user(ctx).isEmpty()) {
      ctx.fail(401);
      return;
    }
    var length = ctx.request().getHeader("Content-Length");
    if (length != null && parsedLength(length) > MAX_REQUEST) {
      refuseAtOnce(ctx);
      return;
    }
    ctx.request().pause();
    new Reading(ctx).start();
  }

  /** Too large to be a message: answered before the rest is read; the connection then closes. */
  private static void refuseAtOnce(RoutingContext ctx) {
    ctx.request().pause();
    ctx.response().putHeader("Connection", "close");
    ctx.addEndHandler(ignored -> ctx.request().connection().close());
    ctx.fail(new BusFailure(413, Attachments.messageTooLarge()
        + ". Nothing was sent: go back to your message to change its attachments."));
  }

  private static long parsedLength(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A file name as the browser sent it: browsers write a quote in a file name as {@code %22}
   * and line breaks as {@code %0D}/{@code %0A} (HTML's form encoding), so those are turned back.
   */
  static String browserFileName(String sent) {
    return sent.replace("%22", "\"").replace("%0D", " ").replace("%0A", " ");
  }

  /** One form being received. Runs on the request's event loop, parsing on a worker. */
  private final class Reading {

    private final RoutingContext ctx;
    private final List<Path> temporary = new ArrayList<>();
    private long bytes;
    private boolean stopped;

    Reading(RoutingContext ctx) {
      this.ctx = ctx;
    }

    void start() {
      ctx.addEndHandler(ignored -> temporary.forEach(store::discard));
      store.temporary()
          .compose(path -> {
            temporary.add(path);
            return vertx.fileSystem().open(path.toString(), new OpenOptions().setCreateNew(true))
                .map(file -> {
                  receive(file, path);
                  return file;
                });
          })
          .onFailure(ctx::fail);
    }

    private void receive(AsyncFile file, Path path) {
      var request = ctx.request();
      request.handler(chunk -> write(file, chunk));
      request.exceptionHandler(failure -> stop(file));
      request.endHandler(ignored -> file.close()
          .onSuccess(closed -> parse(path))
          .onFailure(ctx::fail));
      request.resume();
    }

    private void write(AsyncFile file, Buffer chunk) {
      bytes += chunk.length();
      if (stopped) {
        return;
      }
      if (bytes > MAX_REQUEST) {
        stopped = true;
        file.close();
        refuseAtOnce(ctx);
        return;
      }
      file.write(chunk);
      if (file.writeQueueFull()) {
        ctx.request().pause();
        file.drainHandler(drained -> ctx.request().resume());
      }
    }

    private void stop(AsyncFile file) {
      if (!stopped) {
        stopped = true;
        file.close();
        ctx.fail(new BusFailure(400, "The form could not be read"));
      }
    }

    private void parse(Path body) {
      if (stopped) {
        return;
      }
      var contentType = ctx.request().getHeader("Content-Type");
      vertx.executeBlocking(() -> MultipartForm.parse(body, contentType, store), false)
          .onSuccess(parsed -> {
            parsed.uploads().forEach(upload -> temporary.add(upload.received()));
            ctx.request().formAttributes().addAll(parsed.fields());
            var problem = parsed.problems().isEmpty() ? null
                : String.join(" ", parsed.problems());
            ctx.put(KEY, new Received(parsed.uploads(), problem, parsed.tooLarge()));
            ctx.next();
          })
          .onFailure(failure -> ctx.fail(new BusFailure(400, "The form could not be read")));
    }
  }
}
