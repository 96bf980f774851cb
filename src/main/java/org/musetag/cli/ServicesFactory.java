package org.musetag.cli;

import java.lang.reflect.Constructor;
import org.musetag.app.Services;
import picocli.CommandLine;

/** Lets picocli build commands by constructor injection: a command with a {@code (Services)} constructor gets them. */
final class ServicesFactory implements CommandLine.IFactory {
  private final Services services;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  ServicesFactory(Services services) {
    this.services = services;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> c = type.getDeclaredConstructor(Services.class);
      c.setAccessible(true);
      return c.newInstance(services);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
