namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// A few small persistent records (settings). Each slot holds one record of up to
    /// <see cref="MaxRecordSize"/> bytes.
    /// </summary>
    /// <remarks>
    /// A write is NOT atomic: a power cut during <see cref="Write"/> can leave the slot holding
    /// part of the new record and part of the old one, or garbage. Power-cut safety (alternating
    /// slots, sequence numbers, checksums) is built on top of this by the firmware. Every write
    /// wears the flash: the firmware writes only what changed, and not often.
    /// </remarks>
    public interface ISettingsStore
    {
        /// <summary>Number of slots, numbered from 0.</summary>
        int SlotCount { get; }

        /// <summary>The largest record a slot holds, in bytes.</summary>
        int MaxRecordSize { get; }

        /// <summary>
        /// Reads a slot into <paramref name="buffer"/>. Returns the record's length (0 for an empty
        /// slot; at most <paramref name="count"/> bytes are copied) or -1 for a storage error.
        /// </summary>
        int Read(int slot, byte[] buffer, int offset, int count);

        /// <summary>Replaces a slot's record. Returns false for a storage error.</summary>
        bool Write(int slot, byte[] buffer, int offset, int count);
    }
}
