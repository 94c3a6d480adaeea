/**
 * Typed Java API: the records endpoints answer with and {@link dev.postern.api.ApiResponse}, shared by
 * the typed facades each plugin package provides over {@link dev.postern.PosternApi} ({@code SessionApi},
 * {@code EmailPasswordApi}, {@code UserApi}, ...). Each facade method calls the endpoint of the same name.
 */
package dev.postern.api;
