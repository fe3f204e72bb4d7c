package casemail.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real SMTP server over TCP for delivery tests that can be told how to fail: refuse an
 * address (451, 550 …), answer the data with any reply, drop the connection after the data,
 * drop a reused connection at RSET (a stale pooled connection), or be down altogether. Keeps
 * every email it accepted, with its envelope recipients.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  private static final Pattern MESSAGE_ID =
      Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String dataReply;
  private volatile boolean dropAfterData;
  private volatile boolean dropAtReset;
  private NetServer server;
  private int port;

  /** An accepted email: its envelope recipients and its content as sent. */
  public record Received(List<String> recipients, String data) {

    public String messageId() {
      var match = MESSAGE_ID.matcher(data);
      return match.find() ? match.group(1) : null;
    }
  }

  public static ScriptedSmtpServer start() {
    var smtp = new ScriptedSmtpServer();
    smtp.listen(0);
    return smtp;
  }

  public int port() {
    return port;
  }

  /** Refuses connections from now on, and drops the ones open. */
  public void down() {
    Futures.await(server.close());
    open.forEach(NetSocket::close);
  }

  /** Listens again on the same port. */
  public void up() {
    listen(port);
  }

  /** Answers RCPT TO for this address with {@code reply}, e.g. {@code 550 5.1.1 No such user}. */
  public void replyToRecipient(String address, String reply) {
    recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
  }

  /** Answers the end of the data with {@code reply} (null: {@code 250 OK}). */
  public void replyToData(String reply) {
    dataReply = reply;
  }

  /** Closes the connection once the data has arrived, before answering it. */
  public void dropAfterData(boolean drop) {
    dropAfterData = drop;
  }

  /** Closes a reused connection when the client resets it, as a server that timed it out. */
  public void dropAtReset(boolean drop) {
    dropAtReset = drop;
  }

  public void reset() {
    recipientReplies.clear();
    dataReply = null;
    dropAfterData = false;
    dropAtReset = false;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Accepted emails sent to this address. */
  public List<Received> receivedBy(String address) {
    return received.stream()
        .filter(mail -> mail.recipients().contains(address.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Connections ever accepted. */
  public int connections() {
    return connections.get();
  }

  /** Connections open now. */
  public int openConnections() {
    return open.size();
  }

  private void listen(int wanted) {
    server = vertx.createNetServer().connectHandler(this::session);
    server = Futures.await(server.listen(wanted, "127.0.0.1"));
    port = server.actualPort();
  }

  private void session(NetSocket socket) {
    connections.incrementAndGet();
    open.add(socket);
    socket.closeHandler(closed -> open.remove(socket));
    var session = new Session(socket);
    socket.handler(RecordParser.newDelimited("\r\n", session::line));
    socket.write("220 scripted.test ESMTP\r\n");
  }

  /** One connection's dialogue. */
  private final class Session {

    private final NetSocket socket;
    private final List<String> recipients = new ArrayList<>();
    private StringBuilder data;

    Session(NetSocket socket) {
      this.socket = socket;
    }

    void line(io.vertx.core.buffer.Buffer buffer) {
      var line = buffer.toString();
      if (data != null) {
        data(line);
        return;
      }
      var command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
          : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (command) {
        case "EHLO" -> socket.write("250-scripted.test\r\n250 8BITMIME\r\n");
        case "HELO", "NOOP" -> reply("250 OK");
        case "MAIL" -> {
          recipients.clear();
          reply("250 OK");
        }
        case "RCPT" -> recipient(line);
        case "DATA" -> startData();
        case "RSET" -> reset();
        case "QUIT" -> {
          reply("221 Bye");
          socket.close();
        }
        default -> reply("500 Unknown command");
      }
    }

    private void recipient(String line) {
      var address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))
          .toLowerCase(Locale.ROOT);
      var answer = recipientReplies.getOrDefault(address, "250 OK");
      if (answer.startsWith("2")) {
        recipients.add(address);
      }
      reply(answer);
    }

    private void startData() {
      if (recipients.isEmpty()) {
        reply("554 No valid recipients");
        return;
      }
      data = new StringBuilder();
      reply("354 End data with <CR><LF>.<CR><LF>");
    }

    private void data(String line) {
      if (!line.equals(".")) {
        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        return;
      }
      var content = data.toString();
      data = null;
      if (dropAfterData) {
        socket.close();
        return;
      }
      var answer = dataReply == null ? "250 OK queued" : dataReply;
      if (answer.startsWith("2")) {
        received.add(new Received(List.copyOf(recipients), content));
      }
      reply(answer);
    }

    private void reset() {
      if (dropAtReset) {
        socket.close();
        return;
      }
      recipients.clear();
      reply("250 OK");
    }

    private void reply(String line) {
      socket.write(line + "\r\n");
    }
  }

  @Override
  public void close() {
    Futures.await(vertx.close());
  }
}
