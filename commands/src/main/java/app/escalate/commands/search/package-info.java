/**
 * Finding cases by what they say: the searchable text of a case, a word index (BM25), a vector index
 * over sentence embeddings (cosine, 8-bit quantized in memory), the mix of the two that ranks cases,
 * and the {@code /esc search} query with its filters. Pure: the embeddings come from elsewhere.
 */
package app.escalate.commands.search;
