/**
 * What the HTTP provider adapters share: reading a server-sent event stream as it arrives with the
 * listener contract kept, sending one JSON call and mapping its outcome, and classing every way a call
 * can fail before an answer arrives. Each adapter keeps its own wire format; nothing here knows one.
 */
package dev.clod.gateway.provider.http;
