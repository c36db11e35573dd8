using InterfaceFirmware.Emulator;
using InterfaceFirmware.Firmware.Boards;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Firmware
{
    /// <summary>Gestures from settled button changes, against the reference board's gesture table (no board needed).</summary>
    [TestClass]
    public class GestureTests
    {
        private const int Up = 0;
        private const int Down = 1;
        private const int Monitor = 2;
        private const int Select = 3;

        [TestMethod]
        public static void AVolumeKeyActsTheMomentItGoesDown()
        {
            var g = new Gestures();
            g.Press(Up, 1000);
            Assert.AreEqual("VolumeUp", g.Take());
            g.Release(Up, 1100);
            g.Tick(2000);
            Assert.AreEqual(string.Empty, g.Take());
        }

        [TestMethod]
        public static void AClickWaitsForTheDoublePressWindowOnlyWhereThereIsADoublePress()
        {
            var g = new Gestures();
            g.Press(Select, 0);
            g.Release(Select, 100);
            g.Tick(100 + ButtonGestures.DoubleClickMs);
            Assert.AreEqual(string.Empty, g.Take());
            g.Tick(101 + ButtonGestures.DoubleClickMs);
            Assert.AreEqual("SelectNextJack", g.Take());

            g.Press(Up, 2000); // a key without a click or double press: its press acts at once
            Assert.AreEqual("VolumeUp", g.Take());
            g.Release(Up, 2050);
            g.Press(Monitor, 3000); // monitor has a double press (phantom power): its click waits too
            g.Release(Monitor, 3100);
            Assert.AreEqual(string.Empty, g.Take());
            g.Tick(3101 + ButtonGestures.DoubleClickMs);
            Assert.AreEqual("CycleMonitorMode", g.Take());
        }

        [TestMethod]
        public static void TwoQuickClicksAreADoublePress()
        {
            var g = new Gestures();
            g.Press(Select, 0);
            g.Release(Select, 80);
            g.Press(Select, 200);
            g.Release(Select, 280);
            g.Tick(2000);
            Assert.AreEqual("ToggleInputGainFocus", g.Take());
        }

        [TestMethod]
        public static void ALongPressFiresOnceWhileHeldAndNoClickFollows()
        {
            var g = new Gestures();
            g.Press(Select, 0);
            g.Tick(ButtonGestures.LongPressMs - 5);
            Assert.AreEqual(string.Empty, g.Take());
            g.Tick(ButtonGestures.LongPressMs);
            g.Tick(ButtonGestures.LongPressMs + 500);
            Assert.AreEqual("CycleGainRange", g.Take());
            g.Release(Select, 2000);
            g.Tick(3000);
            Assert.AreEqual(string.Empty, g.Take());
        }

        [TestMethod]
        public static void AHeldKeyRepeatsFasterAndFaster()
        {
            var g = new Gestures();
            g.Press(Down, 0);
            g.Take();
            int[] perSecond = new int[4];
            for (int t = 5; t <= 4000; t += 5)
            {
                g.Tick(t);
                perSecond[(t - 1) / 1000] += g.Count();
                g.Take();
            }

            OutputHelper.WriteLine("repeats per second: " + perSecond[0] + ", " + perSecond[1] + ", " + perSecond[2] + ", " + perSecond[3]);
            Assert.IsTrue(perSecond[0] >= 3 && perSecond[0] <= 8, "first second");
            Assert.IsTrue(perSecond[1] > perSecond[0], "accelerates");
            Assert.AreEqual(1000 / ButtonGestures.RepeatFastestMs, perSecond[3], "full speed");
        }

        [TestMethod]
        public static void AModifierHeldThenAKeyIsACombo()
        {
            var g = new Gestures();
            g.Press(Select, 0);
            g.Press(Up, 150);
            Assert.AreEqual("SetMaximumLevel", g.Take());
            g.Release(Up, 300);
            g.Release(Select, 400);
            g.Tick(2000);
            Assert.AreEqual(string.Empty, g.Take()); // neither clicks afterwards

            g.Press(Monitor, 3000);
            g.Press(Down, 3100);
            g.Tick(3100 + ButtonGestures.RepeatDelayMs);
            Assert.AreEqual("BlendTowardInputs BlendTowardInputs", g.Take()); // combo, then its repeat
        }

        [TestMethod]
        public static void TwoKeysHeldThreeSecondsResetTheSettings()
        {
            var g = new Gestures();
            g.Press(Select, 0);
            g.Press(Monitor, 100);
            g.Take();
            g.Tick(100 + ButtonGestures.ComboLongMs - 5);
            Assert.AreEqual(string.Empty, g.Take());
            g.Tick(100 + ButtonGestures.ComboLongMs);
            Assert.AreEqual("ResetToDefaults", g.Take());
        }

        [TestMethod]
        public static void AStuckButtonIsLoggedOnceAndIgnoredUntilReleased()
        {
            var g = new Gestures();
            g.Press(Down, 0);
            g.Take();
            for (int t = 5; t <= ButtonGestures.StuckMs + 5000; t += 5)
            {
                g.Tick(t);
            }

            Assert.IsTrue(g.Recognizer.IsStuck(Down));
            Assert.AreEqual(1, g.Log.CountAtLeast(LogLevel.Warning));
            g.Take();
            g.Tick(ButtonGestures.StuckMs + 6000);
            Assert.AreEqual(string.Empty, g.Take()); // no more repeats
            g.Press(Up, ButtonGestures.StuckMs + 6000);
            Assert.AreEqual("VolumeUp", g.Take()); // the others still work, and it is no combo
            g.Release(Down, ButtonGestures.StuckMs + 7000);
            Assert.IsFalse(g.Recognizer.IsStuck(Down));
            Assert.AreEqual(1, g.Log.CountAtLeast(LogLevel.Warning));
        }

        /// <summary>The reference board's gesture table with a queue to read the actions from.</summary>
        private sealed class Gestures
        {
            public readonly ButtonGestures Recognizer;
            public readonly MemoryLog Log;
            private readonly ActionQueue _actions = new ActionQueue(16);

            public Gestures()
            {
                BoardProfile board = BoardProfiles.Reference();
                var names = new string[board.Buttons.Length];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = board.Buttons[i].Name;
                }

                Log = new MemoryLog(new VirtualClock());
                Recognizer = new ButtonGestures(names, board.Gestures, _actions, Log);
            }

            public void Press(int button, long ms)
            {
                Recognizer.OnInputChange(button, InputChange.Activated, ms);
            }

            public void Release(int button, long ms)
            {
                Recognizer.OnInputChange(button, InputChange.Deactivated, ms);
            }

            public void Tick(long ms)
            {
                Recognizer.Update(ms);
            }

            public int Count()
            {
                string text = Take();
                _pending = text;
                if (text.Length == 0)
                {
                    return 0;
                }

                int words = 1;
                for (int i = 0; i < text.Length; i++)
                {
                    words += text[i] == ' ' ? 1 : 0;
                }

                return words;
            }

            private string _pending = string.Empty;

            /// <summary>The actions since the last call, space-separated.</summary>
            public string Take()
            {
                string text = _pending;
                _pending = string.Empty;
                UserAction action;
                while (_actions.TryTake(out action))
                {
                    text += (text.Length > 0 ? " " : string.Empty) + ActionName(action);
                }

                return text;
            }

            private static string ActionName(UserAction action)
            {
                switch (action)
                {
                    case UserAction.VolumeUp: return "VolumeUp";
                    case UserAction.VolumeDown: return "VolumeDown";
                    case UserAction.ToggleMute: return "ToggleMute";
                    case UserAction.SelectNextJack: return "SelectNextJack";
                    case UserAction.CycleGainRange: return "CycleGainRange";
                    case UserAction.SetMaximumLevel: return "SetMaximumLevel";
                    case UserAction.ResetToDefaults: return "ResetToDefaults";
                    case UserAction.CycleMonitorMode: return "CycleMonitorMode";
                    case UserAction.BlendTowardInputs: return "BlendTowardInputs";
                    case UserAction.BlendTowardPlayback: return "BlendTowardPlayback";
                    case UserAction.ToggleInputGainFocus: return "ToggleInputGainFocus";
                    case UserAction.AutoGain: return "AutoGain";
                    default: return "None";
                }
            }
        }
    }
}
