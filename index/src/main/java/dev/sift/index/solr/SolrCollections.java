package dev.sift.index.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.FieldTypeDefinition;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.schema.SchemaRepresentation;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Sift's configset (in this package's {@code conf/} resources) and the collections made from it.
 * The vector dimension is the one thing that varies, with the embedding model, so each dimension
 * gets its own configset ({@code sift-<dimension>}); the schema is otherwise fixed.
 */
final class SolrCollections {
  private static final String CONF = "conf/";
  private static final java.util.regex.Pattern FIELD =
      java.util.regex.Pattern.compile("<field name=\"([^\"]+)\"");
  private static final String DIMENSION_PROPERTY = "${sift.vector.dimension:384}";

  private SolrCollections() {}

  /** The configset's files for {@code dimension}, by name. */
  static Map<String, String> configset(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("a vector dimension must be positive: " + dimension);
    }
    String schema = resource("schema.xml");
    if (!schema.contains(DIMENSION_PROPERTY)) {
      throw new IllegalStateException("schema.xml lost its " + DIMENSION_PROPERTY + " placeholder");
    }
    return Map.of(
        "schema.xml",
        schema.replace(DIMENSION_PROPERTY, Integer.toString(dimension)),
        "solrconfig.xml",
        resource("solrconfig.xml"));
  }

  /** Uploads (or replaces) a configset made of {@code files}. */
  static void upload(SolrClient client, String name, Map<String, String> files)
      throws SolrServerException, IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(name)
        .setUploadStream(
            new ContentStreamBase.ByteArrayStream(zip.toByteArray(), name, "application/zip"))
        .setOverwrite(true)
        .process(client);
  }

  /** Creates a collection for vectors of {@code dimension}, returning once its replicas are up. */
  // waitForFinalState is deprecated in SolrJ 9.10 only because it is to become the default; until
  // then CREATE may return before any replica is active, and the first request fails.
  @SuppressWarnings("deprecation")
  static void create(SolrClient client, String name, int dimension, int shards, int replicas)
      throws SolrServerException, IOException {
    String config = "sift-" + dimension;
    upload(client, config, configset(dimension));
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(name, config, shards, replicas);
    create.setWaitForFinalState(true);
    create.process(client);
  }

  /**
   * Fails unless the collection's {@code vector} field holds dot-product vectors of {@code
   * dimension}: vectors of another model, or of another size, cannot be compared with ours.
   */
  static void checkVectorField(SolrClient client, String collection, int dimension)
      throws SolrServerException, IOException {
    // The whole schema in one request: asking for a missing field answers 404, which the cloud
    // client takes for a stale collection state and retries until it gives up.
    SchemaRepresentation schema =
        new SchemaRequest().process(client, collection).getSchemaRepresentation();
    Object typeName =
        schema.getFields().stream()
            .filter(f -> SolrDocuments.VECTOR.equals(f.get("name")))
            .map(f -> f.get("type"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the Solr collection "
                            + collection
                            + " has no vector field: it was not made from Sift's configset"
                            + " (SolrMessageStore.createCollection makes one)"));
    Map<String, Object> type =
        schema.getFieldTypes().stream()
            .map(FieldTypeDefinition::getAttributes)
            .filter(t -> typeName.equals(t.get("name")))
            .findFirst()
            .orElseThrow();
    String found =
        type.get("class")
            + " of dimension "
            + type.get("vectorDimension")
            + " by "
            + type.get("similarityFunction");
    if (!String.valueOf(type.get("class")).endsWith("DenseVectorField")
        || !String.valueOf(dimension).equals(String.valueOf(type.get("vectorDimension")))
        || !"dot_product".equals(String.valueOf(type.get("similarityFunction")))) {
      throw new IllegalStateException(
          "the Solr collection "
              + collection
              + " keeps vectors as "
              + found
              + ", but this embedding model makes DenseVectorField of dimension "
              + dimension
              + " by dot_product: use a collection made for this model");
    }
    // A collection made by an older Sift lacks the fields added since; Solr would refuse the first
    // write that needs one, far from the cause. They are added here.
    java.util.Set<String> present = new java.util.HashSet<>();
    schema.getFields().forEach(f -> present.add(String.valueOf(f.get("name"))));
    List<String> missing =
        FIELD
            .matcher(resource("schema.xml"))
            .results()
            .map(m -> m.group(1))
            .filter(name -> !present.contains(name))
            .toList();
    if (missing.isEmpty()) {
      return;
    }
    // Fields are only ever added: the configset of this release, uploaded over the old one and
    // loaded by a reload, brings them without touching a document.
    upload(client, "sift-" + dimension, configset(dimension));
    CollectionAdminRequest.reloadCollection(collection).process(client);
    SchemaRepresentation reloaded =
        new SchemaRequest().process(client, collection).getSchemaRepresentation();
    reloaded.getFields().forEach(f -> present.add(String.valueOf(f.get("name"))));
    List<String> still = missing.stream().filter(name -> !present.contains(name)).toList();
    if (!still.isEmpty()) {
      throw new IllegalStateException(
          "the Solr collection "
              + collection
              + " lacks the fields "
              + String.join(", ", still)
              + " of Sift's configset, and is not made from it (sift-"
              + dimension
              + "), so Sift cannot add them: let Sift create a new collection (another"
              + " index_prefix)");
    }
  }

  /**
   * Fails unless the cluster runs Solr 9, the major version Sift's configset and queries are
   * written for (tested on 9.10).
   */
  static void checkVersion(SolrClient client, List<String> urls)
      throws SolrServerException, IOException {
    var info =
        new org.apache.solr.client.solrj.request.GenericSolrRequest(
                org.apache.solr.client.solrj.SolrRequest.METHOD.GET, "/admin/info/system")
            .process(client)
            .getResponse();
    Object lucene = info.get("lucene");
    Object version =
        lucene instanceof org.apache.solr.common.util.NamedList<?> l
            ? l.get("solr-spec-version")
            : null;
    if (version == null) {
      return; // a node that does not say: the schema check below still catches a misfit
    }
    if (!String.valueOf(version).startsWith("9.")) {
      throw new IllegalStateException(
          "the Solr cluster at "
              + String.join(", ", urls)
              + " runs Solr "
              + version
              + "; Sift needs SolrCloud 9 (tested with 9.10)");
    }
  }

  private static String resource(String name) {
    try (InputStream in = SolrCollections.class.getResourceAsStream(CONF + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CONF + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
