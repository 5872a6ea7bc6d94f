package dev.sift.index;

/** The item queries contract on the embedded Lucene index. */
class LuceneItemQueriesTest extends ItemQueriesContract {
  @Override
  protected MessageStore open() {
    return MessageIndex.inMemory();
  }
}
