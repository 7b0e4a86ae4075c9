import HummingbirdWebSocket
import Logging
import PropCore

/// Serves one WebSocket client: a writer task drains the client's frame stream from `SimState`
/// (waiting out `latency` delays, closing on `close_socket`), while the reader hands every text
/// message to the venue's protocol handler in the state actor.
enum SimWebSocketSession {
    static func run(state: SimState, venue: Venue, combined: Bool, topics: Set<String>,
                    inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
                    time: any TimeSource) async {
        let (id, frames) = await state.register(venue: venue, combined: combined, topics: topics)
        await state.connected(id)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await write(frames, to: outbound, time: time) }
            group.addTask {
                await read(inbound, connection: id, state: state)
                await state.unregister(id)
            }
            await group.next()
            await state.unregister(id)
            await group.next()
        }
    }

    /// Writes the client's frames, each at its due time; returns when the stream ends, a write fails or the
    /// simulator closes the socket (`close_socket`).
    static func write(_ frames: AsyncStream<SimOutbound>, to outbound: WebSocketOutboundWriter, time: any TimeSource) async {
        for await frame in frames {
            switch frame {
            case .text(let text, let due):
                let now = time.monotonicNanos()
                if due > now { try? await Task.sleep(for: .nanoseconds(Int64(due - now))) }
                do { try await outbound.write(.text(text)) } catch { return }
            case .close:
                try? await outbound.close(.goingAway, reason: "simulated disconnect")
                return
            }
        }
    }

    /// Hands every text message from the client to the venue's protocol handler until the client goes away.
    static func read(_ inbound: WebSocketInboundStream, connection id: Int, state: SimState) async {
        do {
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = message else { continue }
                await state.handleInbound(id, text)
            }
        } catch {}
    }
}
