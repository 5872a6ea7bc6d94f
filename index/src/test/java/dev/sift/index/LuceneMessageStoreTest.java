package dev.sift.index;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded Lucene index, in a folder so a reopen finds its commits. */
class LuceneMessageStoreTest extends MessageStoreContract {
  @TempDir Path dir;

  @Override
  protected MessageStore open() {
    return MessageIndex.open(dir.resolve("index"));
  }

  @Override
  protected MessageStore reopen() {
    return MessageIndex.open(dir.resolve("index"));
  }
}
