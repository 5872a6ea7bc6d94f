package dev.sift.bot.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * How Sift's log lines look: {@code text} (a timestamped line each, for people) or {@code json}
 * (one object a line, for log shippers). Both are Logback configurations on the class path; this
 * swaps between them at run time, so the choice works whenever the option is parsed.
 */
public enum LogFormat {
  text("logback.xml"),
  json("logback-json.xml");

  private final String resource;

  LogFormat(String resource) {
    this.resource = resource;
  }

  /** Reconfigures logging to this format; lines already written stay as they were. */
  void apply() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J provider (a test's, say) decides the format
    }
    URL config = LogFormat.class.getClassLoader().getResource(resource);
    if (config == null) {
      throw new IllegalStateException("the log configuration " + resource + " is missing");
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("the log configuration " + resource + " is broken", e);
    }
  }
}
