using System;
using System.Text;
using System.Threading;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Test output. On the device it goes to the debug console; on the host the adapter routes it
    /// into the running test's output (falling back to the console outside a test).
    /// </summary>
    public static class OutputHelper
    {
        private static readonly AsyncLocal<Action<string>> LineSink = new AsyncLocal<Action<string>>();
        private static readonly AsyncLocal<StringBuilder> PendingLine = new AsyncLocal<StringBuilder>();

        public static void Write(string message)
        {
            Action<string> sink = LineSink.Value;
            if (sink == null)
            {
                Console.Write(message);
                return;
            }

            (PendingLine.Value ??= new StringBuilder()).Append(message);
        }

        public static void WriteLine(string message)
        {
            Action<string> sink = LineSink.Value;
            if (sink == null)
            {
                Console.WriteLine(message);
                return;
            }

            StringBuilder pending = PendingLine.Value;
            if (pending != null && pending.Length > 0)
            {
                message = pending.Append(message).ToString();
                pending.Clear();
            }

            sink(message);
        }

        /// <summary>Routes output of the current async flow to <paramref name="sink"/> (null restores the console).</summary>
        internal static void RouteTo(Action<string> sink)
        {
            LineSink.Value = sink;
            PendingLine.Value = null;
        }

        /// <summary>Sends a partial line left by <see cref="Write"/> to the sink.</summary>
        internal static void Flush()
        {
            StringBuilder pending = PendingLine.Value;
            if (pending != null && pending.Length > 0 && LineSink.Value != null)
            {
                LineSink.Value(pending.ToString());
                pending.Clear();
            }
        }
    }
}
