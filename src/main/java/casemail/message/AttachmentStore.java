package casemail.message;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Attachment bytes on disk, stored once per content: {@code <uploads>/<ab>/<sha256>} where
 * {@code ab} are the hash's first two hex digits. Paths are built from hashes and random ids
 * only, never from a file name. New files are written under {@code tmp/} first and moved into
 * place when complete, so a half-written file is never served or mailed.
 *
 * <p>LIMITATION: stored bytes are never deleted, not even when no attachment refers to them
 * any more (a refused send, a pending attachment forgotten): the same bytes may belong to other
 * messages, and a sweep that checks this does not exist yet.
 */
public final class AttachmentStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Vertx vertx;
  private final Path root;

  public AttachmentStore(Vertx vertx, Path uploadsDir) {
    this.vertx = vertx;
    this.root = uploadsDir.toAbsolutePath();
  }

  /** A stored file: its hash and size. */
  public record Stored(String sha256, long size) {
  }

  /** Where the bytes with this hash live; an argument that is not a hash is refused. */
  public Path path(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("Not a SHA-256 hash");
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** A new, unused path for bytes being received. */
  public Future<Path> temporary() {
    return vertx.executeBlocking(this::temporaryPath, false);
  }

  /** The same, for code already on a worker thread. */
  public Path temporaryPath() throws IOException {
    return Files.createDirectories(root.resolve("tmp")).resolve(UUID.randomUUID().toString());
  }

  /** Moves a completely received file into place under its hash, or drops it if known. */
  public Future<Void> keep(Path received, String sha256) {
    var target = path(sha256);
    return vertx.executeBlocking(() -> {
      move(received, target);
      return null;
    }, false);
  }

  /** Stores bytes given whole (from the API). */
  public Future<Stored> write(byte[] bytes) {
    return vertx.executeBlocking(() -> {
      var sha256 = sha256(bytes);
      var target = path(sha256);
      if (!Files.exists(target)) {
        var received = temporaryPath();
        Files.write(received, bytes);
        move(received, target);
      }
      return new Stored(sha256, bytes.length);
    }, false);
  }

  /** Stores bytes given as base64 (from the API); fails if that is not strict base64. */
  public Future<Stored> writeBase64(String base64) {
    return vertx.executeBlocking(() -> Base64.getDecoder().decode(base64), false)
        .compose(this::write);
  }

  /** Deletes a received file that is not kept; a missing file is fine. */
  public Future<Void> discard(Path received) {
    return vertx.executeBlocking(() -> {
      Files.deleteIfExists(received);
      return null;
    }, false);
  }

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256(byte[] bytes) {
    var digest = digest();
    digest.update(bytes);
    return hex(digest);
  }

  private static void move(Path received, Path target) {
    try {
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.deleteIfExists(received);
        return;
      }
      Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      deleteQuietly(received);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The same bytes are stored already; a leftover temporary file is harmless.
    }
  }
}
