package casemail.launch;

import casemail.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Asks the operating system for a port nobody listens on right now. */
public final class FreePort {

  private FreePort() {
  }

  /** Fails with a message naming the setting when {@code port} is taken. */
  public static void require(int port) {
    if (port == 0) {
      return;
    }
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new ConfigException("Port " + port + " is in use: stop what uses it, or set "
          + "CASEMAIL_HTTP_PORT to a free port");
    }
  }

  public static int find() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
