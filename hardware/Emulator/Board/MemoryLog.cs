using System.Collections;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>One line of the firmware's log, stamped with virtual time.</summary>
    public sealed class LogEntry
    {
        public LogEntry(long timeMs, LogLevel level, string source, string message)
        {
            TimeMs = timeMs;
            Level = level;
            Source = source;
            Message = message;
        }

        public long TimeMs { get; }

        public LogLevel Level { get; }

        public string Source { get; }

        public string Message { get; }

        public override string ToString()
        {
            return TimeMs.ToString() + " ms " + Source + ": " + Message;
        }
    }

    /// <summary>The firmware's log as the emulator keeps it: every line, in order, for tests and the console.</summary>
    public sealed class MemoryLog : ILog
    {
        private readonly IClock _clock;
        private readonly ArrayList _entries = new ArrayList();

        public MemoryLog(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>The lines written so far (<see cref="LogEntry"/> items).</summary>
        public ArrayList Entries
        {
            get { return _entries; }
        }

        public void Write(LogLevel level, string source, string message)
        {
            _entries.Add(new LogEntry(_clock.NowMs, level, source, message));
        }

        /// <summary>True if any line at <paramref name="level"/> or above contains <paramref name="text"/>.</summary>
        public bool Contains(LogLevel level, string text)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                var entry = (LogEntry)_entries[i];
                if (entry.Level >= level && entry.Message.IndexOf(text) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Number of lines at <paramref name="level"/> or above.</summary>
        public int CountAtLeast(LogLevel level)
        {
            int count = 0;
            for (int i = 0; i < _entries.Count; i++)
            {
                if (((LogEntry)_entries[i]).Level >= level)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
