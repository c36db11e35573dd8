using System;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>
    /// Settings kept power-cut safe on a store whose writes are not atomic: two slots, each record
    /// with a sequence number and a CRC-32. A save always writes the slot that does NOT hold the
    /// newest valid record, so a write cut off half way leaves that record intact; at boot the
    /// newest valid record wins, and a corrupt, foreign or future-version one falls back to the
    /// other slot or to the defaults, with the reason in the log.
    /// </summary>
    public sealed class SettingsStorage
    {
        private const string Source = "settings";

        private readonly ISettingsStore _store;
        private readonly SettingsRecord _record;
        private readonly ILog _log;
        private readonly int[] _slots = new int[2];
        private readonly byte[][] _readBuffers = new byte[2][];
        private readonly SettingsRecordInfo[] _infos = new SettingsRecordInfo[2];
        private readonly byte[] _writeBuffer;
        private int _newest = -1; // index into _slots of the newest valid record, -1: none
        private uint _sequence;   // the highest sequence number seen or written
        private int _writes;
        private int _failedWrites;
        private bool _scanned;

        /// <summary>Uses slots 0 and 1 of <paramref name="store"/>.</summary>
        public SettingsStorage(ISettingsStore store, SettingsRecord record, ILog log)
            : this(store, record, log, 0, 1)
        {
        }

        public SettingsStorage(ISettingsStore store, SettingsRecord record, ILog log, int firstSlot, int secondSlot)
        {
            if (store == null || record == null)
            {
                throw new ArgumentNullException(store == null ? "store" : "record");
            }

            if (firstSlot == secondSlot || firstSlot < 0 || secondSlot < 0 || firstSlot >= store.SlotCount || secondSlot >= store.SlotCount)
            {
                throw new ArgumentOutOfRangeException("secondSlot");
            }

            if (record.Length > store.MaxRecordSize)
            {
                throw new ArgumentException("the settings record does not fit a slot");
            }

            _store = store;
            _record = record;
            _log = log;
            _slots[0] = firstSlot;
            _slots[1] = secondSlot;
            for (int i = 0; i < 2; i++)
            {
                _readBuffers[i] = new byte[store.MaxRecordSize];
                _infos[i] = new SettingsRecordInfo();
            }

            _writeBuffer = new byte[record.Length];
        }

        public SettingsRecord Record
        {
            get { return _record; }
        }

        /// <summary>The slot holding the newest valid record, -1 if none.</summary>
        public int NewestSlot
        {
            get { return _newest < 0 ? -1 : _slots[_newest]; }
        }

        /// <summary>The sequence number the last load found or the last save wrote.</summary>
        public uint Sequence
        {
            get { return _sequence; }
        }

        /// <summary>What <see cref="Load"/> found in slot index 0 or 1 (the first or second slot).</summary>
        public SettingsRecordInfo SlotInfo(int index)
        {
            return _infos[index];
        }

        /// <summary>Saves that reached the store (successful ones).</summary>
        public int Writes
        {
            get { return _writes; }
        }

        public int FailedWrites
        {
            get { return _failedWrites; }
        }

        /// <summary>
        /// Reads both slots into <paramref name="into"/>: the newest valid record, migrated from an
        /// older format if need be and clamped to <paramref name="limits"/> (null: not clamped), or
        /// the defaults. Returns true if a saved record was used.
        /// </summary>
        public bool Load(Settings into, SettingsLimits limits)
        {
            bool sawAny = Scan();
            if (_newest < 0)
            {
                into.ResetToDefaults();
                Log(sawAny ? LogLevel.Warning : LogLevel.Info, sawAny ? "no valid record: defaults" : "nothing saved yet: defaults");
                return false;
            }

            SettingsRecordInfo newest = _infos[_newest];
            _record.Read(_readBuffers[_newest], newest, into);
            Log(LogLevel.Info, "loaded record " + newest.Sequence.ToString() + " from slot " + _slots[_newest].ToString()
                + (newest.Version < _record.CurrentVersion ? ", migrated from format v" + newest.Version.ToString() + " to v" + _record.CurrentVersion.ToString() : string.Empty)
                + (newest.JackCount != into.Jacks.Length ? ", saved for " + newest.JackCount.ToString() + " jacks" : string.Empty));
            if (limits != null)
            {
                SettingsValidator.Clamp(into, limits, _log);
            }

            return true;
        }

        /// <summary>
        /// Writes <paramref name="settings"/> as the next record into the slot that does not hold the
        /// newest valid one. Returns false if the store failed (the newest valid record is untouched;
        /// the next save writes the same slot again).
        /// </summary>
        public bool Save(Settings settings)
        {
            if (!_scanned)
            {
                Scan(); // never write before knowing which slot holds the newest record
            }

            int target = _newest < 0 ? 0 : 1 - _newest;
            uint sequence = _sequence + 1;
            int length = _record.Write(settings, sequence, _writeBuffer);
            if (!_store.Write(_slots[target], _writeBuffer, 0, length))
            {
                _failedWrites++;
                return false;
            }

            _writes++;
            _newest = target;
            _sequence = sequence;
            return true;
        }

        // Reads and checks both slots, logs why a slot is not usable, and finds the newest valid
        // record and the highest sequence number. Returns false if both slots are empty.
        private bool Scan()
        {
            _scanned = true;
            _newest = -1;
            _sequence = 0;
            bool sawAny = false;
            bool sawSequence = false;
            for (int i = 0; i < 2; i++)
            {
                byte[] buffer = _readBuffers[i];
                int length = _store.Read(_slots[i], buffer, 0, buffer.Length);
                SettingsRecordInfo info = _infos[i];
                _record.Check(buffer, length, info);
                sawAny |= info.Status != SettingsRecordStatus.Empty;
                if (info.Authentic && (!sawSequence || IsNewer(info.Sequence, _sequence)))
                {
                    _sequence = info.Sequence; // a future version's number too: ours must count past it
                    sawSequence = true;
                }

                if (info.Status == SettingsRecordStatus.Valid)
                {
                    if (_newest < 0 || IsNewer(info.Sequence, _infos[_newest].Sequence))
                    {
                        _newest = i;
                    }
                }
                else if (info.Status != SettingsRecordStatus.Empty)
                {
                    Log(LogLevel.Warning, "slot " + _slots[i].ToString() + " rejected: " + info.Describe(_record.CurrentVersion));
                }
            }

            return sawAny;
        }

        // Sequence numbers compare modulo 2^32 (they never wrap in practice: 2^32 saves).
        private static bool IsNewer(uint candidate, uint than)
        {
            return (int)(candidate - than) > 0;
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, Source, message);
            }
        }
    }
}
