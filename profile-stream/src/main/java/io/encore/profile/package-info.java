/**
 * profile-stream: turns raw behaviour into a living 1:1 profile per guest (identity stitching, concert
 * concepts, decayed taste vectors, RFM(T) lifecycle). The module is laid out by the foundation; its topology
 * arrives with issue 3. It reads and writes only the topics of {@code io.encore.schemas.topic.TopicCatalogue}.
 */
package io.encore.profile;
