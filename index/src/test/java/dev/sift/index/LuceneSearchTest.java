package dev.sift.index;

/** The search contract on the embedded Lucene index. */
class LuceneSearchTest extends SearchContract {
  @Override
  protected MessageStore open() {
    return MessageIndex.inMemory();
  }

  @Override
  protected Search searchOf(MessageStore store) {
    return new MessageSearch((MessageIndex) store);
  }
}
