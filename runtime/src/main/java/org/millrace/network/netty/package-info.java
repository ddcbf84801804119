/**
 * The data plane between TaskManagers over TCP (Netty 4.2, NIO). One connection per pair of
 * TaskManagers carries every channel between them; messages are length-prefixed frames
 * ({@link org.millrace.network.netty.NettyMessage}). Flow control is credit-based: a consumer's
 * {@link org.millrace.network.consumer.RemoteInputChannel} announces one credit per free buffer
 * (in its {@code PartitionRequest}, then in {@code AddCredit} as the task recycles buffers), and the
 * producer's {@link org.millrace.network.netty.CreditBasedViewReader} sends one data buffer per
 * credit; events need none. Each buffer carries a sequence number and the sender's backlog, from
 * which the receiver borrows floating buffers of its gate. Transport state lives on the Netty event
 * loops; other threads hand work over through the channel's executor. Only
 * {@link org.millrace.network.netty.NettyShuffleEnvironment}, its configuration and
 * {@link org.millrace.network.netty.RemoteTransportException} are public.
 */
package org.millrace.network.netty;
