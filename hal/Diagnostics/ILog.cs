namespace InterfaceFirmware.Hal
{
    /// <summary>Severity of a log line.</summary>
    public enum LogLevel
    {
        Debug = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>
    /// Where the firmware reports what it did and what went wrong (the debug port on the device,
    /// a list in the emulator). Logging allocates strings: it is for events, not for every tick.
    /// </summary>
    public interface ILog
    {
        void Write(LogLevel level, string source, string message);
    }
}
