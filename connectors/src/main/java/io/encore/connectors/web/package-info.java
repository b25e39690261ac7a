/**
 * The web sink: keeps each guest's current WEB recommendation set in Redis under the guest id and under
 * every alias of the guest (so an anonymous cookie finds it), one key per id with a TTL, so the site reads
 * one key per page view. Key layout: {@link io.encore.connectors.web.WebKeys}.
 */
package io.encore.connectors.web;
