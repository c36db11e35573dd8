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

        // A save in parts (BeginSave, then ContinueSave until it is not Working): the settings it
        // writes, where it is, and the checksum so far.
        private Settings _saving;
        private int _saveValue;
        private int _saveTarget;
        private uint _saveSequence;
        private uint _saveCrc;
        private int _saveCrcAt;

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
        /// the next save writes the same slot again). All at once: <see cref="BeginSave"/> spreads it.
        /// </summary>
        public bool Save(Settings settings)
        {
            BeginSave(settings);
            SaveProgress progress;
            do
            {
                progress = ContinueSave();
            }
            while (progress == SaveProgress.Working);

            return progress == SaveProgress.Saved;
        }

        /// <summary>Values of the record a <see cref="ContinueSave"/> writes (with their bytes' checksum).</summary>
        public const int ValuesPerPart = 10;

        /// <summary>A save begun and not yet ended.</summary>
        public bool Saving
        {
            get { return _saving != null; }
        }

        /// <summary>
        /// Starts a save of <paramref name="settings"/> in parts, so that no control-loop step
        /// carries all of it (serialising and checking ≈6,000 interpreted instructions, more than a
        /// step's budget): the header now, then <see cref="ContinueSave"/> once a step.
        /// <paramref name="settings"/> must not change until the save ends (the saver hands over
        /// its own copy). A save already begun is dropped (its slot is written by this one).
        /// </summary>
        public void BeginSave(Settings settings)
        {
            if (!_scanned)
            {
                Scan(); // never write before knowing which slot holds the newest record
            }

            _saving = settings;
            _saveTarget = _newest < 0 ? 0 : 1 - _newest;
            _saveSequence = _sequence + 1;
            _record.WriteHeader(_saveSequence, _writeBuffer);
            _saveValue = 0;
            _saveCrc = Crc32.Update(Crc32.Begin(), _writeBuffer, 0, SettingsRecord.HeaderLength);
            _saveCrcAt = SettingsRecord.HeaderLength;
        }

        /// <summary>
        /// The next part of the save begun: <see cref="ValuesPerPart"/> values and their checksum,
        /// or, once all are written, the checksum and the store's write (whatever the store's write
        /// costs: a flash write blocks). Working until then; Saved or Failed (as <see cref="Save"/>)
        /// at the end; Idle if no save was begun.
        /// </summary>
        public SaveProgress ContinueSave()
        {
            if (_saving == null)
            {
                return SaveProgress.Idle;
            }

            if (_saveValue < _record.ValueCount)
            {
                _saveValue = _record.WriteValues(_saving, _writeBuffer, _saveValue, ValuesPerPart);
                int end = _record.ValueOffset(_saveValue);
                _saveCrc = Crc32.Update(_saveCrc, _writeBuffer, _saveCrcAt, end - _saveCrcAt);
                _saveCrcAt = end;
                return SaveProgress.Working;
            }

            _saving = null;
            _record.WriteChecksum(_writeBuffer, Crc32.End(_saveCrc));
            if (!_store.Write(_slots[_saveTarget], _writeBuffer, 0, _record.Length))
            {
                _failedWrites++;
                return SaveProgress.Failed;
            }

            _writes++;
            _newest = _saveTarget;
            _sequence = _saveSequence;
            return SaveProgress.Saved;
        }

        /// <summary>Drops a save begun (nothing was written to the store yet).</summary>
        public void CancelSave()
        {
            _saving = null;
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

    /// <summary>Where a save in parts is (<see cref="SettingsStorage.ContinueSave"/>).</summary>
    public enum SaveProgress
    {
        /// <summary>No save begun.</summary>
        Idle,

        /// <summary>More parts to go.</summary>
        Working,

        /// <summary>Written: the store holds the record.</summary>
        Saved,

        /// <summary>The store refused the write: the newest valid record is untouched.</summary>
        Failed,
    }
}
