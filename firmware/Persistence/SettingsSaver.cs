using System;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>
    /// Saves the settings a few seconds after the last change: a button storm costs one write, a
    /// held key's repeats cost none of their own, and a change undone before the delay costs
    /// nothing. A stream of changes that never pauses is still saved every <see cref="MaxDelayMs"/>.
    /// </summary>
    /// <remarks>
    /// Called every tick. Every <see cref="CheckIntervalMs"/> it finds changes by comparing the
    /// settings field by field (<see cref="Settings.SameAs(Settings)"/>) with copies of the last
    /// ones it saw and the last ones it saved, allocated once: no writer of a setting has to tell it
    /// (the firmware, a test or a script may set a field), a check costs ≈500 interpreted
    /// instructions (serializing the record to compare its bytes cost ≈2,700), a tick allocates
    /// nothing, a save neither (only a failed save logs, which allocates its message). A save runs
    /// in parts, one a call (<see cref="SettingsStorage.BeginSave"/>): it writes the copy taken at
    /// the check, which no check changes until the save ends.
    /// </remarks>
    public sealed class SettingsSaver
    {
        /// <summary>Quiet time after the last change before the save.</summary>
        public const int DefaultSaveDelayMs = 3000;

        /// <summary>The longest a change waits while changes keep coming.</summary>
        public const int DefaultMaxDelayMs = 30000;

        /// <summary>How often the settings are compared (the other ticks cost one comparison of the clock).</summary>
        public const int CheckIntervalMs = 100;

        private const string Source = "settings";

        private readonly SettingsStorage _storage;
        private readonly ILog _log;
        private readonly int _saveDelayMs;
        private readonly int _maxDelayMs;
        private readonly Settings _seen;
        private readonly Settings _saved;
        private bool _hasBaseline;
        private bool _pending;
        private long _firstChangeMs;
        private long _lastChangeMs;
        private long _retryAtMs;
        private long _nextCheckMs;
        private int _saves;
        private int _failures;

        public SettingsSaver(SettingsStorage storage, ILog log)
            : this(storage, log, DefaultSaveDelayMs, DefaultMaxDelayMs)
        {
        }

        public SettingsSaver(SettingsStorage storage, ILog log, int saveDelayMs, int maxDelayMs)
        {
            if (storage == null)
            {
                throw new ArgumentNullException("storage");
            }

            if (saveDelayMs < 0 || maxDelayMs < saveDelayMs)
            {
                throw new ArgumentOutOfRangeException("maxDelayMs");
            }

            _storage = storage;
            _log = log;
            _saveDelayMs = saveDelayMs;
            _maxDelayMs = maxDelayMs;
            _seen = new Settings(storage.Record.JackCount);
            _saved = new Settings(storage.Record.JackCount);
        }

        public int SaveDelayMs
        {
            get { return _saveDelayMs; }
        }

        public int MaxDelayMs
        {
            get { return _maxDelayMs; }
        }

        /// <summary>A change is waiting to be saved.</summary>
        public bool Pending
        {
            get { return _pending; }
        }

        /// <summary>Successful saves since construction.</summary>
        public int Saves
        {
            get { return _saves; }
        }

        /// <summary>Saves the store refused (retried after <see cref="SaveDelayMs"/>).</summary>
        public int Failures
        {
            get { return _failures; }
        }

        /// <summary>
        /// Declares <paramref name="settings"/> to be what the store holds (after a load): nothing
        /// is written until they change. Without it the first <see cref="Tick"/> takes its settings
        /// as the baseline.
        /// </summary>
        public void MarkSaved(Settings settings)
        {
            _storage.CancelSave();
            _saved.CopyFrom(settings);
            _seen.CopyFrom(settings);
            _hasBaseline = true;
            _pending = false;
        }

        /// <summary>True when the next <see cref="Tick"/> would compare the settings (and maybe save): the caller makes room for it.</summary>
        public bool CheckDue(long nowMs)
        {
            return !_hasBaseline || _storage.Saving || nowMs >= _nextCheckMs;
        }

        /// <summary>A save is under way: each <see cref="Tick"/> does a part of it.</summary>
        public bool Saving
        {
            get { return _storage.Saving; }
        }

        /// <summary>Call every tick with the live settings; returns true if a save ended with the store's write this tick.</summary>
        public bool Tick(Settings settings, long nowMs)
        {
            if (!_hasBaseline)
            {
                MarkSaved(settings);
                return false;
            }

            if (_storage.Saving)
            {
                return Continue(nowMs);
            }

            // Comparing costs ≈500 interpreted instructions: every tick would be a noticeable share
            // of a tick on the device, every 100 ms is not, and a change seen up to 100 ms late only
            // moves its save, seconds away, by as much.
            if (nowMs < _nextCheckMs)
            {
                return false;
            }

            _nextCheckMs = nowMs + CheckIntervalMs;
            if (!settings.SameAs(_seen))
            {
                _seen.CopyFrom(settings);
                _lastChangeMs = nowMs;
                bool wasPending = _pending;
                _pending = !_seen.SameAs(_saved);
                if (_pending && !wasPending)
                {
                    _firstChangeMs = nowMs;
                }
            }

            if (!_pending || nowMs < _retryAtMs)
            {
                return false;
            }

            if (nowMs - _lastChangeMs < _saveDelayMs && nowMs - _firstChangeMs < _maxDelayMs)
            {
                return false;
            }

            _storage.BeginSave(_seen); // the copy: the live settings may change before the save ends
            return false;
        }

        /// <summary>Saves at once if anything is pending (before a planned power-down); returns true if it wrote.</summary>
        public bool Flush(Settings settings, long nowMs)
        {
            _seen.CopyFrom(settings);
            _pending = _hasBaseline ? !_seen.SameAs(_saved) : true;
            _hasBaseline = true;
            return _pending && Ended(_storage.Save(_seen) ? SaveProgress.Saved : SaveProgress.Failed, nowMs);
        }

        private bool Continue(long nowMs)
        {
            SaveProgress progress = _storage.ContinueSave();
            return progress != SaveProgress.Working && Ended(progress, nowMs);
        }

        private bool Ended(SaveProgress progress, long nowMs)
        {
            if (progress != SaveProgress.Saved)
            {
                _failures++;
                _retryAtMs = nowMs + _saveDelayMs;
                if (_log != null)
                {
                    _log.Write(LogLevel.Warning, Source, "save failed (storage error): retrying in " + _saveDelayMs.ToString() + " ms");
                }

                return false;
            }

            _saved.CopyFrom(_seen);
            _pending = false;
            _retryAtMs = 0;
            _saves++;
            return true;
        }
    }
}
