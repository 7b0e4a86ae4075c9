import Hummingbird
import Venues

/// `GET /api/md/books` returns feed views directly; the shape is documented in docs/api.md.
extension BookView: ResponseEncodable {}
