/**
 * profile-stream: turns raw behaviour into a living 1:1 profile per guest (identity stitching, concert
 * concepts, decayed taste vectors, RFM(T) lifecycle). Built so far: concert concept profiling
 * ({@code io.encore.profile.concepts}); the topology arrives with issue 3. It reads and writes only the topics
 * of {@code io.encore.schemas.topic.TopicCatalogue}.
 */
package io.encore.profile;
