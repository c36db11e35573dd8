using System.Diagnostics;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Device
{
    /// <summary>The device's log: the debug output that Visual Studio and nanoff show.</summary>
    internal sealed class DebugLog : ILog
    {
        public void Write(LogLevel level, string source, string message)
        {
            Debug.WriteLine(LevelName(level) + " " + source + ": " + message);
        }

        private static string LevelName(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug: return "D";
                case LogLevel.Info: return "I";
                case LogLevel.Warning: return "W";
                default: return "E";
            }
        }
    }
}
