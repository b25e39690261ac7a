/**
 * scoring-stream: re-scores upcoming concerts whenever a profile or the catalogue changes, lets a bandit
 * choose among eight models, and publishes recommendation changes. The module is laid out by the foundation;
 * its topology arrives with issue 4. It meets profile-stream only on topics.
 */
package io.encore.scoring;
