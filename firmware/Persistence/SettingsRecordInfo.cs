namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>What a slot's bytes are, as far as the record's header and checksum tell.</summary>
    public enum SettingsRecordStatus
    {
        Valid = 0,

        /// <summary>The slot holds no record (never written).</summary>
        Empty,

        /// <summary>The store could not read the slot.</summary>
        ReadError,

        /// <summary>Shorter than a header and a checksum, or shorter than its header says.</summary>
        Truncated,

        /// <summary>All 0xFF: erased flash.</summary>
        Erased,

        /// <summary>Ends in erased bytes: a write cut off by a power cut.</summary>
        TornWrite,

        /// <summary>Not a settings record of this firmware (another magic number).</summary>
        ForeignMagic,

        /// <summary>Longer than its header says.</summary>
        LengthMismatch,

        /// <summary>The CRC-32 does not match: bit rot or a torn write.</summary>
        BadChecksum,

        /// <summary>Version 0: never written by any firmware.</summary>
        InvalidVersion,

        /// <summary>Written by a newer firmware: this one cannot know what its fields mean.</summary>
        FutureVersion,

        /// <summary>The length does not fit the version's fields and the jack count.</summary>
        LayoutMismatch,
    }

    /// <summary>The header of one slot's record as read, and whether it can be used (preallocated, refilled per read).</summary>
    public sealed class SettingsRecordInfo
    {
        public SettingsRecordStatus Status;

        /// <summary>The slot's length as the store reports it.</summary>
        public int StoredLength;

        /// <summary>The length the header declares (0 when no header was read).</summary>
        public int DeclaredLength;

        public int Version;

        /// <summary>Counts up by one per save; the newest valid record wins.</summary>
        public uint Sequence;

        public int JackCount;

        /// <summary>Header and checksum are intact (the record may still be from a future version).</summary>
        public bool Authentic
        {
            get { return Status == SettingsRecordStatus.Valid || Status == SettingsRecordStatus.FutureVersion; }
        }

        public void Clear()
        {
            Status = SettingsRecordStatus.Empty;
            StoredLength = 0;
            DeclaredLength = 0;
            Version = 0;
            Sequence = 0;
            JackCount = 0;
        }

        /// <summary>Why the record is not used, for the log (allocates: events only).</summary>
        public string Describe(int currentVersion)
        {
            switch (Status)
            {
                case SettingsRecordStatus.Valid:
                    return "valid (record " + Sequence.ToString() + ", format v" + Version.ToString() + ")";
                case SettingsRecordStatus.Empty:
                    return "empty";
                case SettingsRecordStatus.ReadError:
                    return "storage read error";
                case SettingsRecordStatus.Truncated:
                    return "truncated: " + StoredLength.ToString() + " bytes" + (DeclaredLength > 0 ? " of " + DeclaredLength.ToString() : string.Empty);
                case SettingsRecordStatus.Erased:
                    return "erased (all 0xFF)";
                case SettingsRecordStatus.TornWrite:
                    return "torn write (ends in erased bytes)";
                case SettingsRecordStatus.ForeignMagic:
                    return "foreign record (not this firmware's magic number)";
                case SettingsRecordStatus.LengthMismatch:
                    return "length mismatch: " + StoredLength.ToString() + " bytes stored, header says " + DeclaredLength.ToString();
                case SettingsRecordStatus.BadChecksum:
                    return "checksum mismatch (corrupt)";
                case SettingsRecordStatus.InvalidVersion:
                    return "invalid format version 0";
                case SettingsRecordStatus.FutureVersion:
                    return "future format v" + Version.ToString() + " (this firmware reads up to v" + currentVersion.ToString() + ")";
                default:
                    return "length " + DeclaredLength.ToString() + " does not fit format v" + Version.ToString() + " with " + JackCount.ToString() + " jacks";
            }
        }
    }
}
