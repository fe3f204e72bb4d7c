package casemail.http;

import casemail.bus.BusFailure;
import casemail.message.AttachmentStore;
import casemail.message.Attachments;
import casemail.message.Attachments.Problem;
import casemail.message.Words;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a form that carries files ({@code multipart/form-data}) — the composer's, a portal
 * reply — in place of the body handler, for the paths it was made for and only for a signed-in
 * user or portal customer (else 401 before anything is read). A request larger than a message
 * may be — its Content-Length, or the bytes counted when it has none — is refused with 413 at
 * once, before or while it is read, and the connection closed. Otherwise the body is received
 * into a temporary file and parsed by {@link MultipartForm}: text fields become the request's
 * form attributes, files within the limits are handed to the route as {@link Upload}s, and a
 * file over 10 MB (or past 25 MB together) is named as the problem. The whole form is read in
 * that case, so the form can come back with everything typed. Temporary files the route does
 * not keep are deleted when the response is done.
 */
public final class UploadForm implements Handler<RoutingContext> {

  /** Room for the form's text fields beside the files. */
  static final long FIELDS_ALLOWANCE = 1024 * 1024;
  static final long MAX_REQUEST = Attachments.MAX_MESSAGE_BYTES + FIELDS_ALLOWANCE;
  private static final String KEY = "casemail.uploads";
  private static final long LINGER_IDLE_MS = 1_000;
  private static final long LINGER_MAX_MS = 30_000;
  private static final Pattern COMPOSER =
      Pattern.compile("^/((customers|invoices|matters)/[^/]+/messages|batches)$");

  private final Vertx vertx;
  private final AttachmentStore store;
  private final Pattern paths;
  private final Predicate<RoutingContext> allowed;

  /** Reads forms posted to {@code paths} when {@code allowed} (a session check) says so. */
  public UploadForm(Vertx vertx, AttachmentStore store, Pattern paths,
      Predicate<RoutingContext> allowed) {
    this.vertx = vertx;
    this.store = store;
    this.paths = paths;
    this.allowed = allowed;
  }

  /** The composers' forms — on a case, and the bulk composer — for signed-in staff. */
  public static UploadForm composer(Vertx vertx, AttachmentStore store) {
    return new UploadForm(vertx, store, COMPOSER, ctx -> StaffSession.user(ctx).isPresent());
  }

  /** A file received completely and within the limits, not yet kept. */
  public record Upload(String filename, String contentType, long size, String sha256,
      Path received) {
  }

  /** The files of a form and, if some could not be taken, why (413 when too large). */
  public record Received(List<Upload> uploads, List<Problem> problems, boolean tooLarge) {

    public static final Received NONE = new Received(List.of(), List.of(), false);

    /** The problems in English, for staff; null when there are none. */
    public String problem() {
      return problem(Words.staff("en"));
    }

    /** The problems in a staff user's words; null when there are none. */
    public String problem(Words words) {
      return problems.isEmpty() ? null : problems.stream()
          .map(problem -> problem.worded(words, "attachments."))
          .collect(Collectors.joining(" "));
    }

    /** The files as a message's new {@code attachments} on the bus. */
    public JsonArray json() {
      var items = new JsonArray();
      uploads.forEach(upload -> items.add(new JsonObject()
          .put("filename", upload.filename())
          .put("content_type", upload.contentType())
          .put("size", upload.size())
          .put("sha256", upload.sha256())));
      return items;
    }

    /** Moves the files into the store, under their hashes, before they are referred to. */
    public Future<Void> keepIn(AttachmentStore store) {
      return Future.all(uploads.stream()
              .map(upload -> store.keep(upload.received(), upload.sha256()))
              .toList())
          .mapEmpty();
    }
  }

  /**
   * What a page's file field tells {@code attachment-limits.js}: the limits, and its words for a
   * file too large ({@code {name}} standing for the file's name) and for too much together.
   */
  public static JsonObject limits(String fileTooLarge, String messageTooLarge) {
    return new JsonObject()
        .put("maxFileBytes", Attachments.MAX_FILE_BYTES)
        .put("maxMessageBytes", Attachments.MAX_MESSAGE_BYTES)
        .put("fileTooLarge", fileTooLarge)
        .put("messageTooLarge", messageTooLarge);
  }

  /** Whether this request is a form with files for this reader. */
  public boolean accepts(RoutingContext ctx) {
    var type = ctx.request().getHeader("Content-Type");
    return ctx.request().method() == HttpMethod.POST && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        && paths.matcher(ctx.normalizedPath()).matches();
  }

  /** What {@link #handle} read from the form; none for a form without files. */
  public static Received received(RoutingContext ctx) {
    Received received = ctx.get(KEY);
    return received == null ? Received.NONE : received;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!allowed.test(ctx)) {
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

  /**
   * Too large to be a message: answered before the rest is read; the connection then closes
   * (see {@link Lingering}).
   */
  private static void refuseAtOnce(RoutingContext ctx) {
    var request = ctx.request();
    request.pause();
    ctx.response().putHeader("Connection", "close");
    ctx.addEndHandler(ignored -> Lingering.closeWhenDone(ctx.vertx(), request));
    ctx.fail(new BusFailure(413, Attachments.messageTooLarge()
        + ". Nothing was sent: go back to your message to change its attachments."));
  }

  /**
   * Closing a socket the client is still writing to resets it, and a reset can discard the
   * answer before the client reads it. So what a refused client goes on sending is read and
   * dropped, and the connection closed when the request ends, when nothing came for
   * {@value #LINGER_IDLE_MS} ms, or after {@value #LINGER_MAX_MS} ms at most.
   */
  private static final class Lingering {

    private final Vertx vertx;
    private final HttpConnection connection;
    private final long deadline;
    private long idle;

    static void closeWhenDone(Vertx vertx, HttpServerRequest request) {
      if (request.isEnded()) {
        request.connection().close();
      } else {
        new Lingering(vertx, request);
      }
    }

    private Lingering(Vertx vertx, HttpServerRequest request) {
      this.vertx = vertx;
      this.connection = request.connection();
      deadline = vertx.setTimer(LINGER_MAX_MS, id -> close());
      idle = vertx.setTimer(LINGER_IDLE_MS, id -> close());
      request.handler(dropped -> {
        vertx.cancelTimer(idle);
        idle = vertx.setTimer(LINGER_IDLE_MS, id -> close());
      }).endHandler(end -> close()).resume();
    }

    private void close() {
      vertx.cancelTimer(deadline);
      vertx.cancelTimer(idle);
      connection.close();
    }
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
            ctx.put(KEY, new Received(parsed.uploads(), List.copyOf(parsed.problems()),
                parsed.tooLarge()));
            ctx.next();
          })
          .onFailure(failure -> ctx.fail(new BusFailure(400, "The form could not be read")));
    }
  }
}
