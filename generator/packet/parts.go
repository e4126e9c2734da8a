package packet

import "github.com/underlag/underlag/generator/pdf"

// Parts are the packet's parts, the memo first: a meeting's packet
// (generator/meeting) puts every item's memo with its attachments after
// the notice.
func (pk *Packet) Parts() []pdf.Part { return pk.parts }
