"""Style rules of the training side, on top of the app's style sheet (resources/style.qss):
the same light theme, colours and radii."""

TABS = """
QTabWidget::pane { border: none; }
QTabBar::tab {
    background: transparent;
    color: #4B5563;
    padding: 6px 14px;
    border: none;
    border-bottom: 2px solid transparent;
}
QTabBar::tab:selected { color: #1F2937; border-bottom: 2px solid #2F6FEB; font-weight: 600; }
QTabBar::tab:hover:!selected { background: #EEF2FB; }
QTabBar { background: #F7F8FA; border-bottom: 1px solid #E3E6EB; }
"""

PANEL = """
#trainingPanel, #trainingControls, #trainingSettings, #trainingResults { background: #FFFFFF; }
QLabel#muted, QLabel#datasetDetail { color: #6B7280; }
#trainingNotes { background: #FFFFFF; border-top: 1px solid #E3E6EB; }
QLabel#trainingMessage {
    border-radius: 5px;
    padding: 6px 8px;
}
QLabel#trainingMessage[kind="error"] {
    color: #B42318; background: #FEF3F2; border: 1px solid #FECDCA;
}
QLabel#trainingMessage[kind="note"] {
    color: #854D0E; background: #FFFBEB; border: 1px solid #FDE68A;
}
QToolButton#sectionHeader {
    font-weight: 600;
    color: #374151;
    border: none;
    padding: 5px 2px;
}
QToolButton#sectionHeader:hover { background: #F1F5FD; }
QToolButton#trainButton, QToolButton#pauseButton, QToolButton#stopButton {
    border: 1px solid #CDD3DB;
    border-radius: 5px;
    padding: 5px 10px;
    background: #FFFFFF;
}
QToolButton#trainButton { background: #2F6FEB; color: #FFFFFF; border-color: #2F6FEB; }
QToolButton#trainButton:hover { background: #2560D6; }
QToolButton#trainButton:disabled { background: #AFC6F5; border-color: #AFC6F5; }
QToolButton#pauseButton:disabled, QToolButton#stopButton:disabled { color: #A0A7B2; }
QProgressBar#trainingProgress {
    border: none;
    background: #E9EDF3;
    border-radius: 4px;
}
QProgressBar#trainingProgress::chunk { background: #2F6FEB; border-radius: 4px; }
"""

TOOLBAR_TRAINING = "QToolButton:disabled { color: #A0A7B2; }"

RESULTS = """
QLabel#resultsSummary { color: #374151; }
QScrollArea#predictionsScroll { background: #F7F8FA; border: 1px solid #E3E6EB; }
#predictionGrid { background: #F7F8FA; }
QListWidget#runsList { border: 1px solid #E3E6EB; }
QListWidget#runsList::item { padding: 4px; }
"""
