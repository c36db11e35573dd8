using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace InterfaceFirmware.HostTests.Soak
{
    /// <summary>
    /// The fault-injection soak (issue 12): randomized, seeded sessions of the whole firmware on the
    /// emulated reference board, Audio Kit and portable board in turn by seed (see <see cref="SoakSession"/> for what is injected and
    /// the stated recovery times). Invariants, checked after every 5 ms step:
    /// <list type="bullet">
    /// <item>each jack's rendered tone (lock-in over 10 ms windows, and the peak) never exceeds the
    /// highest user level of the last 300 ms + the tone's level + half a step; at a power-up and a
    /// plug-in the user level is at most the boot cap (and the level history restarts there); windows
    /// inside a pop allowance below (a chip's own transient) and the render warm-up are not judged.
    /// Allowance: a codec that does not answer cannot be turned down, so while its driver is
    /// faulted and for 600 ms after (the take-over silences it) its jack may hold the highest user
    /// level of the 300 ms before it stopped answering (or one set while it answered now and then);</item>
    /// <item>no pop-detector event at a jack outside an allowance: a brown-out or thermal shutdown
    /// (the chip drops its output by itself: 600 ms on its jack), a computer leaving without notice
    /// (its bridge stops the clocks under the live output: 600 ms on every jack), a plug's contacts
    /// (30 ms after each change, heard by no one or by the plug going in); a codec that does not
    /// answer (it cannot be muted: a clock change by the computer under it, or its take-over in an
    /// unknown state, may click; on its jack while its driver is faulted and 600 ms after); a power
    /// cut's click is not judged (the board is gone); the 300 ms after rendering resumes are not
    /// judged (the pop detectors' state);</item>
    /// <item>the loop never throws (<c>device.Exceptions</c> stays 0);</item>
    /// <item>every fault is recovered (no fault shown, every open jack at its targets) within its
    /// stated time once it ended;</item>
    /// <item>after every power cut (at any time, or tearing a save) the settings loaded are the last
    /// completed save, the one before, or the torn one if all its bytes had landed;</item>
    /// <item>no redundant I2C write (a write that changed no register), except to a chip being
    /// re-synced after its own fault in the same episode (counted in the report; an episode ends
    /// once every fault of it has ended and the device is healthy).</item>
    /// </list>
    /// What goes wrong within 3 s of a chip failing or being re-synced is counted apart as "known"
    /// (reported; SOAK_STRICT=1 fails on it): none in the long soak as of this writing.
    /// Replay a seed: <c>SOAK_SEED=1234 SOAK_EVENTS=1000 dotnet test tests/HostTests --filter FullyQualifiedName~SoakTests.Replay</c>.
    /// The long form: <c>SOAK_LONG=1 dotnet test tests/HostTests --filter FullyQualifiedName~SoakTests.Long</c>.
    /// </summary>
    public class SoakTests
    {
        private const int ShortSeed = 20260612;
        private readonly ITestOutputHelper _output;

        public SoakTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>The short form, in the default run: 4 sessions (every board at least once), 1200 events, a third of the episodes rendered.</summary>
        [Fact]
        public void ShortSoakKeepsEveryInvariant()
        {
            Soak(ShortSeed, sessions: 4, eventsPerSession: 300, audioFraction: 0.35);
        }

        /// <summary>The long form: 10^5 events over 16 sessions; outside the default run.</summary>
        [LongSoakFact]
        public void LongSoakKeepsEveryInvariant()
        {
            int seed = EnvInt("SOAK_LONG_SEED", 1);
            Soak(seed, sessions: 16, eventsPerSession: 6250, audioFraction: 0.2);
        }

        /// <summary>One session again, from the seed a failure printed.</summary>
        [ReplayFact]
        public void Replay()
        {
            int seed = EnvInt("SOAK_SEED", 0);
            int events = EnvInt("SOAK_EVENTS", 1000);
            var session = new SoakSession(seed, events, EnvInt("SOAK_AUDIO_PERCENT", 50) / 100.0);
            SoakReport report = session.Run();
            _output.WriteLine(report.ToString());
            Assert.True(report.ViolationCount == 0, report.ToString());
        }

        private void Soak(int seed, int sessions, int eventsPerSession, double audioFraction)
        {
            var watch = Stopwatch.StartNew();
            var reports = new SoakReport[sessions];
            Parallel.For(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                reports[i] = new SoakSession(seed + i, eventsPerSession, audioFraction).Run();
            });

            var total = new SoakReport();
            foreach (SoakReport report in reports)
            {
                total.Add(report);
            }

            string text = "soak of " + sessions + " sessions from seed " + seed + " in " + watch.Elapsed.TotalSeconds.ToString("F1") + " s on "
                + Environment.ProcessorCount + " cores\n" + total;
            _output.WriteLine(text);
            Console.WriteLine(text);
            Assert.True(total.ViolationCount == 0, text + "\nreplay one session: SOAK_SEED=<seed> SOAK_EVENTS=" + eventsPerSession
                + " SOAK_AUDIO_PERCENT=" + (int)(audioFraction * 100) + " dotnet test tests/HostTests --filter FullyQualifiedName~SoakTests.Replay");
            Assert.True(total.Events >= (long)sessions * eventsPerSession, "events " + total.Events);
        }

        private static int EnvInt(string name, int fallback)
        {
            string value = Environment.GetEnvironmentVariable(name);
            return int.TryParse(value, out int parsed) ? parsed : fallback;
        }
    }

    /// <summary>A fact that runs only with SOAK_LONG=1 (the long soak is not part of the default run).</summary>
    public sealed class LongSoakFactAttribute : FactAttribute
    {
        public LongSoakFactAttribute()
        {
            if (Environment.GetEnvironmentVariable("SOAK_LONG") != "1")
            {
                Skip = "the long soak runs with SOAK_LONG=1";
            }
        }
    }

    /// <summary>A fact that runs only when SOAK_SEED names a session to replay.</summary>
    public sealed class ReplayFactAttribute : FactAttribute
    {
        public ReplayFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SOAK_SEED")))
            {
                Skip = "replays a soak session when SOAK_SEED is set";
            }
        }
    }
}
